using ViberMessaging.Cli.Tests.TestSupport;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests;

[Collection(ProcessEnvironment.Name)]
public sealed class UserSecretsTests
{
    [Fact]
    public async Task Configuration_UserSecretsOfTheTool_AreRead()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner { UseUserSecrets = true };

        // Where `dotnet user-secrets --id vibermessaging-cli` keeps them when APPDATA is set.
        var store = Path.Combine(cli.WorkingDirectory, "appdata", "Microsoft", "UserSecrets", "vibermessaging-cli");
        Directory.CreateDirectory(store);
        var token = emulator.GetConfiguration(ViberProviders.SmsClub).Single(kv => kv.Key == "Token").Value;
        await File.WriteAllTextAsync(Path.Combine(store, "secrets.json"), $$"""
            { "ViberMessaging:SmsClub:Token": "{{token}}", "ViberMessaging:SmsClub:BaseAddress": "{{emulator.GetBaseAddress(ViberProviders.SmsClub)}}" }
            """);
        var before = Environment.GetEnvironmentVariable("APPDATA");
        Environment.SetEnvironmentVariable("APPDATA", Path.Combine(cli.WorkingDirectory, "appdata"));
        CliResult result;
        try
        {
            result = await cli.RunAsync("send", "--to", "+380501234567", "--text", "from user secrets", "--sender", "MyShop", "--json");
        }
        finally
        {
            Environment.SetEnvironmentVariable("APPDATA", before);
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("from user secrets", Assert.Single(emulator.AcceptedMessages(ViberProviders.SmsClub)).Text);
        Assert.DoesNotContain(token, result.Output + result.Error, StringComparison.Ordinal);
    }
}
