namespace ViberMessaging.SmsBy;

/// <summary>Which SMS.by method carries a neutral send.</summary>
internal enum SmsByRoute
{
    /// <summary><c>sendQuickViberMessage</c>, one request per recipient.</summary>
    Quick,

    /// <summary><c>sendBulkViber</c>, one mailing list per request.</summary>
    Bulk,
}

/// <summary>
/// What the validator resolved for a neutral send: the route, the sender ids (the bulk list's <c>alphaname_id</c> is
/// <see cref="BulkSenderId"/>, see <see cref="SmsByOptions.ResolveBulkSender"/>), the recipients and the forwarding.
/// </summary>
internal sealed record SmsBySendPlan(
    SmsByRoute Route,
    int ViberSenderId,
    IReadOnlyList<PhoneNumber> Recipients,
    int? SmsSenderId = null,
    int? ForwardingMinutes = null,
    bool OpensChats = false)
{
    /// <summary>The sender of a <c>sendBulkViber</c> list: the alpha name's id when one is mapped, else <see cref="ViberSenderId"/>.</summary>
    public int BulkSenderId { get; init; } = ViberSenderId;
}
