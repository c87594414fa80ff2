using ViberMessaging.Cli.Tests.TestSupport;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests;

/// <summary><c>viber balance</c> and <c>viber providers</c>.</summary>
public sealed class AccountCommandsTests
{
    [Fact]
    public async Task Balance_SmsClub_PrintsTheAccountsBalance()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        emulator.Provider<SmsClubEmulatorSettings>().Balance = 123.45m;
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));

        var result = await cli.RunAsync("balance", "-p", "SmsClub", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(123.45m, result.Json.GetProperty("amount").GetDecimal());
        Assert.Equal(emulator.Provider<SmsClubEmulatorSettings>().Currency, result.Json.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Balance_ProviderWithoutBalance_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("balance", "--emulator", "-p", "Devino");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("balance", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Providers_OneConfigured_ListsAllWithCapabilities()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        var environment = CliRunner.EnvironmentFor(emulator).Where(v => v.Key.StartsWith("ViberMessaging__SmsClub__", StringComparison.Ordinal)).ToDictionary();
        using var cli = new CliRunner(environment);

        var result = await cli.RunAsync("providers", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var providers = result.Json.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(ViberProviders.All, providers.Keys);
        Assert.True(providers["SmsClub"].GetProperty("configured").GetBoolean());
        Assert.False(providers["Devino"].GetProperty("configured").GetBoolean());
        Assert.True(providers["SmsClub"].GetProperty("balance").GetBoolean());
        Assert.False(providers["Devino"].GetProperty("chats").GetBoolean());
        Assert.Equal(100, providers["Devino"].GetProperty("maxRecipientsPerRequest").GetInt32());
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Providers_Table_NamesEveryProvider()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("providers");

        Assert.Equal(0, result.ExitCode);
        Assert.All(ViberProviders.All, p => Assert.Contains(p, result.Output, StringComparison.Ordinal));
    }
}
