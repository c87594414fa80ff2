using ViberMessaging.Samples.Tests.TestSupport;

namespace ViberMessaging.Samples.Tests;

public sealed class TelemetrySampleTests
{
    [Fact]
    public async Task Main_ConsoleExporter_PrintsTheSpansAndEveryInstrument()
    {
        // OpenTelemetry's console exporter writes to the process's console: run the sample as its own process.
        using var process = SampleProcess.Start("ViberMessaging.Samples.Telemetry");
        var outcome = await process.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(outcome.ExitCode == 0, $"exit code {outcome.ExitCode}\n{outcome.Output}\n{outcome.Error}");
        foreach (var expected in new[]
        {
            "ViberMessaging.Send", "ViberMessaging.GetStatuses", "vibermessaging.provider: SmsClub", "error.type: OutcomeUnknown",
            "vibermessaging.client.operation.duration", "vibermessaging.send.recipients", "vibermessaging.pacing.wait.duration",
            "The second send failed as planned: OutcomeUnknown",
        })
        {
            Assert.Contains(expected, outcome.Output, StringComparison.Ordinal);
        }

        Assert.Contains("StatusCode: Error", outcome.Output, StringComparison.Ordinal);
    }
}
