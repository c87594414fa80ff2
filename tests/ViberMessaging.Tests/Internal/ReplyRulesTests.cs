using ViberMessaging.Internal;
using ViberMessaging.Tests.Conventions;

namespace ViberMessaging.Tests.Internal;

/// <summary>
/// "Is this a reply?" decided once: the outgoing rule (a message names a chat) and the incoming rule (the provider's
/// evidence that the recipient wrote it), row by row, and a scan that no other runtime file decides either itself.
/// </summary>
public sealed class ReplyRulesTests
{
    /// <summary>Incoming rows: direction word | reply token | reply body | replies-only source → direction.</summary>
    public static TheoryData<string?, string?, bool, bool, ChatMessageDirection> IncomingRows => new()
    {
        // SMS Club's chat message type.
        { "incoming", null, false, false, ChatMessageDirection.Incoming },
        { " Inbound ", null, false, false, ChatMessageDirection.Incoming },
        { "IN", null, false, false, ChatMessageDirection.Incoming },
        { "outcoming", null, false, false, ChatMessageDirection.Outgoing },
        { "outgoing", null, false, false, ChatMessageDirection.Outgoing },
        { "input", null, false, false, ChatMessageDirection.Outgoing },
        { "", null, false, false, ChatMessageDirection.Outgoing },
        { null, null, false, false, ChatMessageDirection.Outgoing },

        // A pushed reply callback: message_token or a message object make it a reply, not a status.
        { null, "44444444444444", false, false, ChatMessageDirection.Incoming },
        { null, null, true, false, ChatMessageDirection.Incoming },
        { null, "44444444444444", true, false, ChatMessageDirection.Incoming },

        // SMS.by's getNewIncomingMessages returns only the recipients' replies.
        { null, null, false, true, ChatMessageDirection.Incoming },
    };

    [Theory]
    [MemberData(nameof(IncomingRows))]
    public void DirectionOf_Row_MatchesTable(string? word, string? token, bool hasBody, bool repliesOnly, ChatMessageDirection expected)
    {
        var facts = new IncomingFacts { DirectionWord = word, ReplyToken = token, HasReplyBody = hasBody, FromRepliesOnlySource = repliesOnly };

        Assert.Equal(expected, ReplyRules.DirectionOf(facts));
        Assert.Equal(expected == ChatMessageDirection.Incoming, ReplyRules.IsIncoming(facts));
    }

    [Fact]
    public void IsReply_ReplyInChat_TrueWithTheChat()
    {
        var message = new ViberMessage { Text = "hi", TwoWay = TwoWayOptions.ReplyIn("chat-7") };

        Assert.True(ReplyRules.IsReply(message, out var chatId));
        Assert.Equal("chat-7", chatId);
        Assert.True(ReplyRules.IsReply(message));
    }

    [Fact]
    public void IsReply_OpenChat_FalseWithoutAChat()
    {
        var message = new ViberMessage { Text = "hi", Sender = "Shop", Recipients = [PhoneNumber.Parse("+380501234567")], TwoWay = TwoWayOptions.OpenChat };

        Assert.False(ReplyRules.IsReply(message, out var chatId));
        Assert.Null(chatId);
    }

    [Fact]
    public void IsReply_NoTwoWay_False()
        => Assert.False(ReplyRules.IsReply(new ViberMessage { Text = "hi" }));

    [Fact]
    public void Reply_ChatAndText_IsAReplyCarryingOnlyTheText()
    {
        var sut = ReplyRules.Reply("chat-7", "thanks");

        Assert.True(ReplyRules.IsReply(sut, out var chatId));
        Assert.Equal("chat-7", chatId);
        Assert.Equal("thanks", sut.Text);
        Assert.Null(sut.Sender);
        Assert.Null(sut.ImageUrl);
        Assert.Null(sut.Button);
        Assert.True(sut.Recipients is null or { Count: 0 });
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Reply_BlankChat_ThrowsNamingChatId(string chatId)
        => Assert.Equal("chatId", Assert.ThrowsAny<ArgumentException>(() => ReplyRules.Reply(chatId, "thanks")).ParamName);

    /// <summary>Nothing in the runtime reads <c>TwoWay.ChatId</c> or builds a reply message except the rule.</summary>
    [Fact]
    public void RuntimeSources_DecideReplyOnlyThroughReplyRules()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging");
        var sep = Path.DirectorySeparatorChar;
        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith($"{sep}ReplyRules.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(l => l.Text.Contains("TwoWay?.ChatId", StringComparison.Ordinal)
                || l.Text.Contains("TwoWay.ChatId is", StringComparison.Ordinal)
                || l.Text.Contains("TwoWay = TwoWayOptions.ReplyIn(", StringComparison.Ordinal)
                || l.Text.Contains("Direction = ChatMessageDirection.", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        Assert.Empty(offenders);
    }
}
