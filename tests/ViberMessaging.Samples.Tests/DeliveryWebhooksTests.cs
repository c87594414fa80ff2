using System.Text.RegularExpressions;
using DeliveryWebhooksSample = ViberMessaging.Samples.DeliveryWebhooks.Program;

namespace ViberMessaging.Samples.Tests;

/// <summary>samples/DeliveryWebhooks: the emulator posts callbacks to the sample's loopback Kestrel app, to URLs the SDK set itself.</summary>
public sealed partial class DeliveryWebhooksTests
{
    [Fact]
    public async Task RunAsync_NoAccount_EveryMessageReachesItsStateByCallback()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await DeliveryWebhooksSample.RunAsync(["--timeout", "60"], output, error, CancellationToken.None);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        var lines = output.ToString().Split('\n');
        var summary = Summary().Match(lines.Single(l => l.Contains(" changes by callback: ", StringComparison.Ordinal)));
        Assert.True(summary.Success, output.ToString());
        var accounts = summary.Groups["account"].Captures.Select((c, i) => (Name: c.Value, Kind: summary.Groups["kind"].Captures[i].Value)).ToArray();
        Assert.Contains(accounts, a => a.Kind == "messages final");         // a provider that posts every change
        Assert.Contains(accounts, a => a.Kind == "recipients answered");    // a provider that answers each request once
        Assert.All(accounts, a =>
        {
            var own = lines.Where(l => l.StartsWith(a.Name + ":", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(own);
            if (a.Kind == "messages final")
            {
                Assert.Contains(own, l => l.Contains("→ Delivered", StringComparison.Ordinal));
                Assert.Contains(own, l => l.Contains("→ Undeliverable", StringComparison.Ordinal));
            }
        });
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

    /// <summary>"n changes by callback: 2 Account messages final, 2 Other recipients answered."</summary>
    [GeneratedRegex(@"^\d+ changes by callback: (?:2 (?<account>\w+) (?<kind>messages final|recipients answered)(?:, |\.$))+")]
    private static partial Regex Summary();
}
