// Delivery webhooks: an ASP.NET Core app takes the providers' callbacks on MapViberCallbacks("/viber"), and the SDK
// sets each send's callback_url itself from the app's public address. No account, no network: the embedded emulator
// plays DecisionTelecom and SMS.by and posts its callbacks to this app on loopback.
//
//   dotnet run --project samples/DeliveryWebhooks
//   dotnet run --project samples/DeliveryWebhooks -- --timeout 30
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples.DeliveryWebhooks;

public static class Program
{
    private const int Success = 0;
    private const int Failure = 1;
    private const int UsageError = 2;

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs the sample with its output going to the given writers (what the sample tests call).</summary>
    /// <param name="args">The command line: <c>--timeout &lt;seconds&gt;</c> (default 60).</param>
    /// <param name="output">Where the changes and the summary go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>0 when every message reached the expected state by callback, 1 when not before the timeout, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var timeout, out var problem))
        {
            await error.WriteLineAsync(problem);
            return problem.StartsWith("Usage", StringComparison.Ordinal) ? Success : UsageError;
        }

        var emulatorOptions = new ViberEmulatorOptions();
        emulatorOptions.Timeline.DeliveredAfter = TimeSpan.FromSeconds(1);
        emulatorOptions.Timeline.ReadAfter = TimeSpan.FromSeconds(2);
        await using var emulator = await ViberEmulator.StartAsync(emulatorOptions, cancellationToken);
        emulator.ScriptRecipient("+380500000011", RecipientBehavior.Reads);
        emulator.ScriptRecipient("+380500000012", RecipientBehavior.BlocksSender);

        // The address the providers reach this app at. In production: https://shop.example/ behind your proxy.
        var publicAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(publicAddress.GetLeftPart(UriPartial.Authority));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddViberMessaging()
            .AddDecisionTelecom().AddSmsBy(o => o.ViberSenders["MyShop"] = 101).UseEmulator(emulator)
            .AddViberCallbacks(o =>
            {
                o.Secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));   // in production: user secrets or a vault
                o.PublicBaseAddress = publicAddress;
            });
        await using var app = builder.Build();
        app.MapViberCallbacks("/viber");
        await app.StartAsync(cancellationToken);

        var tracker = app.Services.GetRequiredService<IDeliveryTracker>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var changes = tracker.WatchAsync(deadline.Token);   // subscribed before the sends: nothing is missed

        await output.WriteLineAsync($"Callbacks on {publicAddress}viber/{{account}}/{{secret}}; the SDK sets callback_url on each send.");
        var decision = await app.Services.GetRequiredKeyedService<IViberSender>(ViberProviders.DecisionTelecom).SendAsync(
            new ViberMessage { Sender = "MyShop", Recipients = [PhoneNumber.Parse("+380500000011"), PhoneNumber.Parse("+380500000012")], Text = "Your order #1042 has shipped" },
            cancellationToken);
        var smsBy = await app.Services.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsBy).SendAsync(
            new ViberMessage { Sender = "MyShop", Recipients = [PhoneNumber.Parse("+375291234561"), PhoneNumber.Parse("+375291234562")], Text = "Your order #1043 has shipped" },
            cancellationToken);
        tracker.Track(decision);
        tracker.Track(smsBy);

        // DecisionTelecom posts every change until final; SMS.by answers each bulk request once.
        var waitingForFinal = decision.MessageIds.ToHashSet();
        var waitingForAnswer = smsBy.MessageIds.ToHashSet();
        var callbacks = 0;
        try
        {
            await foreach (var report in changes)
            {
                callbacks++;
                await output.WriteLineAsync($"{report.MessageId,-70} → {report.Status}{(report.RawStatus is { } raw ? $" ({raw})" : string.Empty)}");
                if (report.IsFinal)
                {
                    waitingForFinal.Remove(report.MessageId);
                }

                waitingForAnswer.Remove(report.MessageId);
                if (waitingForFinal.Count == 0 && waitingForAnswer.Count == 0)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"Not every callback came within {timeout.TotalSeconds:0} s: {waitingForFinal.Count + waitingForAnswer.Count} messages still waiting.");
            return Failure;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }

        await output.WriteLineAsync($"{callbacks} changes by callback: {decision.MessageIds.Count()} DecisionTelecom messages final, {smsBy.MessageIds.Count()} SMS.by recipients answered.");
        return Success;
    }

    private static bool TryParse(string[] args, out TimeSpan timeout, out string problem)
    {
        timeout = TimeSpan.FromSeconds(60);
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    problem = "Usage: DeliveryWebhooks [--timeout <seconds>]  (default 60; the embedded emulator posts the callbacks)";
                    return false;
                case "--timeout" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600:
                    timeout = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                default:
                    problem = $"{args[i]}: expected --timeout <seconds from 1 to 3600> or --help.";
                    return false;
            }
        }

        return true;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
