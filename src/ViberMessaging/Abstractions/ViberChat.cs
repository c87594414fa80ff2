namespace ViberMessaging;

/// <summary>A two-way conversation with one recipient.</summary>
public sealed class ViberChat
{
    /// <summary>The provider's chat id.</summary>
    public required string ChatId { get; init; }

    /// <summary>The recipient's number, where the provider reports it.</summary>
    public PhoneNumber? Recipient { get; init; }

    /// <summary>The sender name the chat runs under, where the provider reports it.</summary>
    public string? Sender { get; init; }

    /// <summary>When the chat was opened, in the provider's time zone.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Returns the chat id and the recipient.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"chat {ChatId} with {Recipient}";
}
