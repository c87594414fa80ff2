namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary>How an emulated SMS.by mailing came to be.</summary>
internal enum SmsByMailingKind
{
    /// <summary><c>sendQuickViberMessage</c>: one phone, sent at once.</summary>
    Quick,

    /// <summary><c>sendViberMessageList</c>: a stored subscriber list, sent once confirmed.</summary>
    List,

    /// <summary>One list of a <c>sendBulkViber</c> request.</summary>
    Bulk,
}

/// <summary>A Viber mailing the emulated SMS.by keeps: its content, schedule, state and deliveries (one per phone).</summary>
internal sealed class SmsByEmulatedMailing
{
    public required long Id { get; init; }

    public required SmsByMailingKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary><c>TEXT</c>, <c>IMAGE</c> or <c>BUTTON</c>.</summary>
    public required string MessageType { get; init; }

    public string? Text { get; init; }

    public string? ButtonCaption { get; init; }

    public string? ButtonLink { get; init; }

    /// <summary>The image URL, or where the uploaded image was stored.</summary>
    public string? Image { get; init; }

    public required int SenderId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    public bool Forwarding { get; init; }

    /// <summary>The phones a list mailing will reach once confirmed.</summary>
    public IReadOnlyList<string> Subscribers { get; init; } = [];

    public bool Confirmed { get; set; }

    /// <summary>The accepted message per phone (empty until a list mailing is confirmed).</summary>
    public List<EmulatedMessage> Deliveries { get; } = [];
}

/// <summary>One <c>sendBulkViber</c> request: per list in request order, the mailing created or the error that refused it.</summary>
internal sealed record SmsByEmulatedBulk(string Uuid, IReadOnlyList<(SmsByEmulatedMailing? Mailing, string? Error)> Lists);

/// <summary>A reply a recipient wrote to a mailing.</summary>
internal sealed class SmsByEmulatedIncoming
{
    public required string Id { get; init; }

    public required long MailingId { get; init; }

    public required string Phone { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset At { get; init; }

    public bool Read { get; set; }
}
