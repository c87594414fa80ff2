using ViberMessaging.Cli.Tests.TestSupport;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests;

public sealed class ConfigCommandTests
{
    private const string Secret = "s3cret-token-do-not-print-81c2";

    [Fact]
    public async Task Check_ValidConfiguration_ExitsZeroListingKeysNotValues()
    {
        using var cli = new CliRunner(new Dictionary<string, string> { ["ViberMessaging__SmsClub__Token"] = Secret });

        var result = await cli.RunAsync("config", "check", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Json.GetProperty("valid").GetBoolean());
        var smsClub = result.Json.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "SmsClub");
        Assert.Equal(["Token"], smsClub.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.DoesNotContain(Secret, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Problems_ExitsTwoPrintingEveryOneByPathAndNoSecret()
    {
        using var cli = new CliRunner(new Dictionary<string, string>
        {
            ["ViberMessaging__SmsClub__Token"] = Secret,
            ["ViberMessaging__SmsClub__Tokn"] = "typo",
            ["ViberMessaging__Devino__Password"] = Secret,
        });

        var result = await cli.RunAsync("config", "check");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("ViberMessaging:SmsClub:Tokn", result.Error, StringComparison.Ordinal);
        Assert.Contains("ViberMessaging:Devino", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NothingConfigured_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("config", "check", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.False(result.Json.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Configuration_AppSettingsInWorkingDirectory_IsRead()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner();
        cli.WriteFile("appsettings.json", AppSettings(emulator, emulator.GetConfiguration(ViberProviders.SmsClub).Single(kv => kv.Key == "Token").Value));

        var result = await cli.RunAsync("send", "--to", "+380501234567", "--text", "from appsettings", "--sender", "MyShop", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("from appsettings", Assert.Single(emulator.AcceptedMessages(ViberProviders.SmsClub)).Text);
    }

    [Fact]
    public async Task Configuration_EnvironmentWinsOverAppSettingsAndConfigFileWinsOverEnvironment()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        var token = emulator.GetConfiguration(ViberProviders.SmsClub).Single(kv => kv.Key == "Token").Value;
        using var cli = new CliRunner(new Dictionary<string, string> { ["ViberMessaging__SmsClub__Token"] = "env-token-wrong" });
        cli.WriteFile("appsettings.json", AppSettings(emulator, token));
        cli.WriteFile("ops.json", $$"""{ "ViberMessaging": { "SmsClub": { "Token": "{{token}}" } } }""");

        var withoutFile = await cli.RunAsync("send", "--to", "+380501234567", "--text", "hi", "--sender", "MyShop", "--json");
        var withFile = await cli.RunAsync("send", "--to", "+380501234567", "--text", "hi", "--sender", "MyShop", "--config", "ops.json", "--json");

        // The environment's wrong token replaced appsettings.json's right one: refused, provably not sent.
        Assert.True(withoutFile.ExitCode == 3, withoutFile.ToString());
        Assert.Equal("Unauthorized", withoutFile.Json.GetProperty("recipients")[0].GetProperty("error").GetString());
        Assert.True(withFile.ExitCode == 0, withFile.ToString());
        Assert.DoesNotContain("env-token-wrong", withoutFile.Output + withoutFile.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token, withFile.Output + withFile.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_MissingConfigFile_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("config", "check", "--config", "missing.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.json", result.Error, StringComparison.Ordinal);
    }

    private static string AppSettings(ViberEmulator emulator, string token) => $$"""
        {
          "ViberMessaging": {
            "SmsClub": { "Token": "{{token}}", "BaseAddress": "{{emulator.GetBaseAddress(ViberProviders.SmsClub)}}", "Pacing": { "SafetyMargin": "00:00:00.100" } }
          }
        }
        """;
}
