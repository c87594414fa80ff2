// Delivery webhooks: an ASP.NET Core app takes the providers' callbacks on MapViberCallbacks("/viber"), and the SDK
// sets each send's callback_url itself from the app's public address. No account, no network: the embedded emulator
// plays every provider that posts callbacks (the accounts with an IViberCallbackReader) and posts them to this app on
// loopback.
//
//   dotnet run --project samples/DeliveryWebhooks
//   dotnet run --project samples/DeliveryWebhooks -- --timeout 30
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
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

        // The address the providers reach this app at. In production: https://shop.example/ behind your proxy.
        var publicAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(publicAddress.GetLeftPart(UriPartial.Authority));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Every provider, as configuration would list them; SMS.by sends from a sender id registered for each name.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ViberMessaging:SmsBy:ViberSenders:MyShop", "101")]).Build();
        var viber = builder.Services.AddViberMessaging(configuration);
        foreach (var name in ViberProviders.All)
        {
            viber.AddProvider(name);
        }

        viber.UseEmulator(emulator).AddViberCallbacks(o =>
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

        // The accounts whose provider posts callbacks: one that posts every change until final (one URL per account),
        // one that answers each request once (one URL per request). Two recipients each: one reads, one blocks the sender.
        await output.WriteLineAsync($"Callbacks on {publicAddress}viber/{{account}}/{{secret}}; the SDK sets callback_url on each send.");
        var sends = new List<(string Account, bool PerRequest, SendResult Result)>();
        foreach (var (name, index) in ViberProviders.All.Select((name, index) => (name, index)))
        {
            if (app.Services.GetKeyedService<IViberCallbackReader>(name) is not { } reader)
            {
                continue;
            }

            var reads = PhoneNumber.Parse($"+3805000{index:D2}011");
            var blocks = PhoneNumber.Parse($"+3805000{index:D2}012");
            emulator.ScriptRecipient(reads.ToString(), RecipientBehavior.Reads);
            emulator.ScriptRecipient(blocks.ToString(), RecipientBehavior.BlocksSender);
            var result = await app.Services.GetRequiredKeyedService<IViberSender>(name).SendAsync(
                new ViberMessage { Sender = "MyShop", Recipients = [reads, blocks], Text = $"Your order #{1042 + index} has shipped" },
                cancellationToken);
            tracker.Track(result);
            sends.Add((name, reader.PerRequest, result));
        }

        var waitingForFinal = sends.Where(s => !s.PerRequest).SelectMany(s => s.Result.MessageIds).ToHashSet();
        var waitingForAnswer = sends.Where(s => s.PerRequest).SelectMany(s => s.Result.MessageIds).ToHashSet();
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

        var done = sends.Select(s => $"{s.Result.MessageIds.Count()} {s.Account} {(s.PerRequest ? "recipients answered" : "messages final")}");
        await output.WriteLineAsync($"{callbacks} changes by callback: {string.Join(", ", done)}.");
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
