using DeliveryWebhooksSample = ViberMessaging.Samples.DeliveryWebhooks.Program;

namespace ViberMessaging.Samples.Tests;

/// <summary>samples/DeliveryWebhooks: the emulator posts callbacks to the sample's loopback Kestrel app, to URLs the SDK set itself.</summary>
public sealed class DeliveryWebhooksTests
{
    [Fact]
    public async Task RunAsync_NoAccount_EveryMessageReachesItsStateByCallback()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await DeliveryWebhooksSample.RunAsync(["--timeout", "60"], output, error, CancellationToken.None);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("DecisionTelecom:", StringComparison.Ordinal) && l.Contains("→ Delivered", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("DecisionTelecom:", StringComparison.Ordinal) && l.Contains("→ Undeliverable", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SmsBy:bulk:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2 DecisionTelecom messages final, 2 SMS.by recipients answered.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BadArgument_ExitsTwoNamingIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await DeliveryWebhooksSample.RunAsync(["--timeout", "0"], output, error, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("--timeout", error.ToString(), StringComparison.Ordinal);
    }
}
