using ViberMessaging.Cli.Tests.TestSupport;
using ViberMessaging.Testing;

namespace ViberMessaging.Cli.Tests;

public sealed class ChatsCommandTests
{
    [Fact]
    public async Task Chats_OpenListShowReply_RoundTrip()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var cli = new CliRunner(CliRunner.EnvironmentFor(emulator));
        var opened = await cli.RunAsync("send", "-p", "SmsClub", "--to", "+380501234567", "--text", "Can we talk?", "--sender", "MyShop", "--open-chat", "--json");
        Assert.True(opened.ExitCode == 0, opened.ToString());
        var chatId = opened.Json.GetProperty("recipients")[0].GetProperty("chatId").GetString()!;

        var list = await cli.RunAsync("chats", "list", "-p", "SmsClub", "--json");
        var show = await cli.RunAsync("chats", "show", chatId, "-p", "SmsClub", "--json");
        var reply = await cli.RunAsync("chats", "reply", chatId, "--text", "Sure", "-p", "SmsClub", "--json");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(list.Json.GetProperty("chats").EnumerateArray(), c => c.GetProperty("chatId").GetString() == chatId);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains(show.Json.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "Can we talk?");
        Assert.True(reply.ExitCode == 0, reply.ToString());
        Assert.Equal("Accepted", reply.Json.GetProperty("recipients")[0].GetProperty("outcome").GetString());
        var chat = Assert.Single(emulator.Chats(ViberProviders.SmsClub), c => c.Id == chatId);
        Assert.Contains(chat.MessagesAt(DateTimeOffset.MaxValue), m => !m.Incoming && m.Text == "Sure");
    }

    [Fact]
    public async Task Chats_ProviderWithoutChats_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("chats", "list", "--emulator", "-p", "Devino");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not support chats", result.Error, StringComparison.Ordinal);
    }
}
