using ViberMessaging.Cli.Tests.TestSupport;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_OfSentMessages_ReportsEachById()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));
        var smsClub = await cli.RunAsync("send", "-p", "SmsClub", "--to", "+380501234567", "--text", "hi", "--sender", "MyShop", "--json");
        var devino = await cli.RunAsync("send", "-p", "Devino", "--to", "+79161234567", "--text", "hi", "--sender", "MyShop", "--json");
        var ids = new[] { smsClub, devino }.Select(r => r.Json.GetProperty("recipients")[0].GetProperty("messageId").GetString()!).ToArray();

        var result = await cli.RunAsync(["status", .. ids, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var statuses = result.Json.GetProperty("statuses").EnumerateArray().ToArray();
        Assert.Equal(ids, statuses.Select(s => s.GetProperty("messageId").GetString()));
        Assert.All(statuses, s => Assert.NotEqual("Unknown", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Status_NotAnId_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("status", "5769", "--emulator");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Provider:Value", result.Error, StringComparison.Ordinal);
    }
}
