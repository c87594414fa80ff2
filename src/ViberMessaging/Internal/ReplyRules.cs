using System.Diagnostics.CodeAnalysis;

namespace ViberMessaging.Internal;

/// <summary>
/// The one answer to "is this a reply?", both ways. Outgoing: a message is a reply in a chat exactly when it names the
/// chat (<see cref="TwoWayOptions.ReplyIn"/>); validators, request mappers and clients ask <see cref="IsReply(ViberMessage, out string?)"/>
/// and every <c>ReplyAsync</c> builds its message with <see cref="Reply"/>. Incoming: a chat message or callback came
/// from the recipient when the provider's evidence (<see cref="IncomingFacts"/>) says so; every provider asks
/// <see cref="IsIncoming"/>. <c>ReplyRulesTests</c> lists every row.
/// </summary>
internal static class ReplyRules
{
    /// <summary>The words a provider uses for a message the recipient wrote (SMS Club's chat <c>type</c>).</summary>
    private static readonly string[] IncomingWords = ["incoming", "inbound", "in"];

    /// <summary>Whether <paramref name="message"/> replies in an existing chat.</summary>
    public static bool IsReply(ViberMessage message) => IsReply(message, out _);

    /// <summary>Whether <paramref name="message"/> replies in an existing chat, and which.</summary>
    public static bool IsReply(ViberMessage message, [NotNullWhen(true)] out string? chatId)
    {
        ArgumentNullException.ThrowIfNull(message);
        chatId = message.TwoWay?.ChatId;
        return chatId is not null;
    }

    /// <summary>The message a <c>ReplyAsync(chatId, text)</c> sends: text in the chat, nothing else.</summary>
    public static ViberMessage Reply(string chatId, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        return new ViberMessage { Text = text, TwoWay = TwoWayOptions.ReplyIn(chatId) };
    }

    /// <summary>Whether the provider's evidence says the recipient wrote the message.</summary>
    public static bool IsIncoming(in IncomingFacts facts)
        => facts.FromRepliesOnlySource
            || IsIncomingWord(facts.DirectionWord)
            || facts.ReplyToken is not null
            || facts.HasReplyBody;

    /// <summary>The neutral direction of a chat message from the provider's evidence.</summary>
    public static ChatMessageDirection DirectionOf(in IncomingFacts facts)
        => IsIncoming(facts) ? ChatMessageDirection.Incoming : ChatMessageDirection.Outgoing;

    private static bool IsIncomingWord(string? word)
    {
        if (word is null)
        {
            return false;
        }

        var trimmed = word.AsSpan().Trim();
        foreach (var incoming in IncomingWords)
        {
            if (trimmed.Equals(incoming, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
