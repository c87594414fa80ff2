using ViberMessaging.Cli.Tests.TestSupport;

namespace ViberMessaging.Cli.Tests;

public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task Emulator_ServesUntilCtrlC_ThenExitsZero()
    {
        using var cli = new CliRunner();
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new WatchingWriter(line =>
        {
            const string Prefix = "listening on ";
            var at = line.IndexOf(Prefix, StringComparison.Ordinal);
            if (at >= 0)
            {
                listening.TrySetResult(line[(at + Prefix.Length)..].Trim());
            }
        });

        var run = cli.RunAsync(["emulator", "--port", "0"], output, ctrlC.Token);
        var baseAddress = await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // A configured viber talks to it, as the printed configuration says.
        var printed = output.ToString()!.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("ViberMessaging:SmsClub:", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Replace(":", "__", StringComparison.Ordinal), l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        using var client = new CliRunner(printed);
        var sent = await client.RunAsync("send", "--to", "+380501234567", "--text", "hi", "--sender", "MyShop", "--json");
        await ctrlC.CancelAsync();
        var result = await run;

        Assert.StartsWith("http://127.0.0.1:", baseAddress, StringComparison.Ordinal);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Requests received: 1", result.Error, StringComparison.Ordinal);
    }

    private sealed class WatchingWriter(Action<string> onWrite) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value is not null)
            {
                onWrite(value);
            }
        }
    }
}
