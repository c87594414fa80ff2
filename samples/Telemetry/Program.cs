// The SDK's traces and metrics in OpenTelemetry's console exporter: a send and a status query through the embedded
// emulator, then a send the emulator fails after accepting it, so you also see a failed span with error.type.
//
//   dotnet run --project samples/Telemetry
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ViberMessaging.Testing;

namespace ViberMessaging.Samples.Telemetry;

public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, SampleIO.Console, CancellationToken.None);

    private static Task<int> RunAsync(string[] args, SampleIO io, CancellationToken cancellationToken)
    {
        var root = new RootCommand(
            "Prints the SDK's spans and metrics with OpenTelemetry's console exporter, for a send, a status query and a "
            + "failed send on the embedded emulator.");
        root.SetAction((_, token) => SampleRun.GuardAsync(io.Error, () => RunDemoAsync(io.Output, token), token));
        return SampleRun.InvokeAsync(root, args, io, cancellationToken);
    }

    private static async Task<int> RunDemoAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var emulator = await ViberEmulator.StartAsync(cancellationToken: cancellationToken);

        // The only lines an app needs: subscribe to the SDK's source and meter by their public names.
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(ViberMessagingTelemetry.ActivitySourceName)
            .AddConsoleExporter()
            .Build();
        using var metrics = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ViberMessagingTelemetry.MeterName)
            .AddConsoleExporter()
            .Build();

        var services = new ServiceCollection();
        services.AddViberMessaging().AddSmsClub().UseEmulator(emulator);
        await using var provider = services.BuildServiceProvider();
        var sender = provider.GetRequiredService<IViberSender>();
        var message = new ViberMessage
        {
            Sender = "MyShop",
            Recipients = [PhoneNumber.Parse("+380501234567")],
            Text = "Your order #1042 has shipped.",
        };

        var sent = await sender.SendAsync(message, cancellationToken);
        await provider.GetRequiredService<IStatusQuery>().GetStatusesAsync(sent.MessageIds, cancellationToken);

        emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ServerErrorAfterAccept());
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (ViberMessagingException e)
        {
            await output.WriteLineAsync($"The second send failed as planned: {e.ErrorCode} (see its span's error.type).");
        }

        // Metrics are exported when the meter provider is flushed (here, at the end; an app exports periodically).
        metrics.ForceFlush();
        return ExitCodes.Success;
    }
}
