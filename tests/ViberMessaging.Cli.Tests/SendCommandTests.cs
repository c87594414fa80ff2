using ViberMessaging.Cli.Tests.TestSupport;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests;

public sealed class SendCommandTests
{
    [Fact]
    public async Task Send_ConfiguredByEnvironment_AcceptsAndPrintsTheMessageId()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));

        var result = await cli.RunAsync("send", "--provider", "SmsClub", "--to", "+380501234567", "--text", "Your order is ready", "--sender", "MyShop", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var recipient = Assert.Single(result.Json.GetProperty("recipients").EnumerateArray());
        Assert.Equal("+380501234567", recipient.GetProperty("recipient").GetString());
        Assert.Equal("Accepted", recipient.GetProperty("outcome").GetString());
        var sent = Assert.Single(emulator.AcceptedMessages(ViberProviders.SmsClub));
        Assert.Equal("Your order is ready", sent.Text);
        Assert.Equal($"SmsClub:{sent.Id}", recipient.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Send_WithEmbeddedEmulator_SendsRichMessageThroughChosenProvider()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(
            "send", "--emulator", "--provider", "devino", "--to", "+79161234567", "--text", "Sale", "--image", "https://example.com/a.jpg",
            "--button", "Open", "--button-url", "https://example.com", "--sms-fallback", "Sale (SMS)", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Devino", result.Json.GetProperty("provider").GetString());
        Assert.StartsWith("Devino:", result.Json.GetProperty("recipients")[0].GetProperty("messageId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Table_WhenRedirected_IsPlainText()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("send", "--emulator", "--to", "+380501234567", "--text", "hi");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SmsClub:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SameMessageTwice_SendsTwice()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));
        string[] args = ["send", "-p", "SmsClub", "--to", "+380501234567", "--text", "Twice", "--sender", "MyShop"];

        var first = await cli.RunAsync(args);
        var second = await cli.RunAsync(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, emulator.AcceptedMessages(ViberProviders.SmsClub).Count);
    }

    [Fact]
    public async Task Send_BadPhone_ExitsTwoNamingTheOptionBeforeAnyRequest()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));

        var result = await cli.RunAsync("send", "-p", "SmsClub", "--to", "12ab", "--text", "hi", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Json.GetProperty("exitCode").GetInt32());
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Send_TextOverProviderLimit_ExitsTwoNamingTheFieldBeforeAnyRequest()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));

        var result = await cli.RunAsync("send", "-p", "SmsClub", "--to", "+380501234567", "--sender", "MyShop", "--text", new string('x', 5000), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("validation", result.Json.GetProperty("error").GetProperty("kind").GetString());
        Assert.Contains("Text", result.Error, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Send_MissingRequiredOption_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("send", "--text", "hi", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to", result.Error, StringComparison.Ordinal);
        Assert.Equal("usage", result.Json.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Send_ProviderNotConfigured_ExitsTwoNamingIt()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("send", "-p", "Devino", "--to", "+79161234567", "--text", "hi");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Devino is not configured", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ProviderRefusesSender_ExitsThreeNotSent()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));

        var result = await cli.RunAsync("send", "-p", "SmsClub", "--to", "+380501234567", "--text", "hi", "--sender", SmsClubEmulatorSettings.UnregisteredSender, "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("NotSent", result.Json.GetProperty("recipients")[0].GetProperty("outcome").GetString());
        Assert.Empty(emulator.AcceptedMessages(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task Send_ConnectionResetAfterAccept_ExitsFourUnknownAndIsNotRetried()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ResetAfterAccept());
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));

        var result = await cli.RunAsync("send", "-p", "SmsClub", "--to", "+380501234567", "--text", "hi", "--sender", "MyShop", "--json");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal("Unknown", result.Json.GetProperty("recipients")[0].GetProperty("outcome").GetString());
        Assert.Contains("may have been sent", result.Error, StringComparison.Ordinal);
        Assert.Single(emulator.RequestsTo(ViberProviders.SmsClub));
        Assert.Single(emulator.AcceptedMessages(ViberProviders.SmsClub));
    }

    [Fact]
    public async Task Send_WrongToken_ExitsThreeAndNeverPrintsTheToken()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        const string Secret = "wrong-token-5f3a9c17e2";
        var environment = CliRunner.EnvironmentFor(emulator);
        environment["ViberMessaging__SmsClub__Token"] = Secret;
        using var cli = new CliRunner(environment);

        var result = await cli.RunAsync("send", "-p", "SmsClub", "--to", "+380501234567", "--text", "hi", "--sender", "MyShop", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("Unauthorized", result.Json.GetProperty("recipients")[0].GetProperty("error").GetString());
        Assert.DoesNotContain(Secret, result.Output + result.Error, StringComparison.Ordinal);
    }
}
