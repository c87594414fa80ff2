namespace ViberMessaging;

/// <summary>
/// The delivery state of one message: the Viber status, any SMS fallback status, the resulting overall
/// <see cref="Status"/>, the channel that delivered it, why it failed, and what the provider said in its own words.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Status"/> combines the two channels: a Viber message that expired while its SMS fallback is on the way
/// is <see cref="DeliveryStatus.Pending"/> or <see cref="DeliveryStatus.Sent"/>, and <see cref="DeliveryStatus.Delivered"/>
/// with <see cref="DeliveredVia"/> = <see cref="DeliveryChannel.Sms"/> once the SMS arrives.
/// </para>
/// <para>
/// <see cref="Merge"/> is monotonic per channel (Unknown &lt; Pending &lt; Sent &lt; failures &lt; Delivered &lt; Read):
/// a late or duplicated "sent" never replaces "delivered", so reports can be merged in any order.
/// </para>
/// </remarks>
public sealed class DeliveryReport
{
    private object? _rawRepresentation;

    /// <summary>Creates a report.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="viberStatus">The Viber channel's status.</param>
    public DeliveryReport(MessageId messageId, DeliveryStatus viberStatus)
    {
        MessageId = messageId;
        ViberStatus = viberStatus;
    }

    /// <summary>The message this report is about.</summary>
    public MessageId MessageId { get; }

    /// <summary>The Viber channel's status.</summary>
    public DeliveryStatus ViberStatus { get; }

    /// <summary>The SMS fallback's status, or <see langword="null"/> when the provider reported no SMS fallback.</summary>
    public DeliveryStatus? SmsStatus { get; init; }

    /// <summary>The overall status: the Viber status, or the SMS fallback's once Viber failed or the SMS was delivered.</summary>
    public DeliveryStatus Status
    {
        get
        {
            if (SmsStatus is not { } sms || ViberStatus is DeliveryStatus.Delivered or DeliveryStatus.Read)
            {
                return ViberStatus;
            }

            return sms is DeliveryStatus.Delivered or DeliveryStatus.Read || IsFailure(ViberStatus) ? sms : ViberStatus;
        }
    }

    /// <summary>The channel that delivered the message, once <see cref="Status"/> is delivered or read.</summary>
    public DeliveryChannel? DeliveredVia => Status switch
    {
        DeliveryStatus.Delivered or DeliveryStatus.Read
            => ViberStatus is DeliveryStatus.Delivered or DeliveryStatus.Read ? DeliveryChannel.Viber : DeliveryChannel.Sms,
        _ => null,
    };

    /// <summary>Whether the status can no longer change (except delivered → read).</summary>
    public bool IsFinal => Status is DeliveryStatus.Delivered or DeliveryStatus.Read || IsFailure(Status);

    /// <summary>Why the message was not delivered, where the provider said.</summary>
    /// <value><see cref="DeliveryFailureReason.None"/> by default.</value>
    public DeliveryFailureReason FailureReason { get; init; }

    /// <summary>When the provider recorded the status, if it said.</summary>
    public DateTimeOffset? StatusAt { get; init; }

    /// <summary>The recipient, where the provider reports it.</summary>
    public PhoneNumber? Recipient { get; init; }

    /// <summary>The provider's Viber status exactly as sent (for example <c>Delivered</c>, <c>Доставлено</c>, <c>vp_expired</c>, <c>4</c>).</summary>
    public string? RawStatus { get; init; }

    /// <summary>The provider's SMS fallback status exactly as sent.</summary>
    public string? RawSmsStatus { get; init; }

    /// <summary>The provider's reason or error code exactly as sent (for example <c>Blocked by the recipient</c>, <c>user-blocked</c>).</summary>
    public string? ProviderErrorCode { get; init; }

    /// <summary>The provider's ids of the SMS fallback's parts (one per SMS segment), where it reports them.</summary>
    public IReadOnlyList<string> SmsPartIds { get; init; } = [];

    /// <summary>Why no status could be read for this id (an unknown or expired id, a failed request), or <see langword="null"/>.</summary>
    public ViberMessagingException? Error { get; init; }

    /// <summary>
    /// The provider's answer this report was read from, for what the neutral model does not carry (as
    /// Microsoft.Extensions.AI's <c>RawRepresentation</c>): the provider's parsed answer to the status request (shared
    /// by the reports of one request) or callback.
    /// </summary>
    /// <value>
    /// <see langword="null"/> when no answer was read (a request that failed: see <see cref="Error"/>). The object is the SDK's own record of
    /// the provider's JSON (or, for SMS.by's bulk requests, the <c>SmsByBulkStatus</c> read): its
    /// <see cref="object.ToString"/> lists the fields the provider sent; its type is not part of the public API and may
    /// change between versions, so read it for diagnostics, not as a contract.
    /// </value>
    public object? RawRepresentation
    {
        get => _rawRepresentation;
        init => _rawRepresentation = value;
    }

    /// <summary>Creates the report for an id whose status could not be read.</summary>
    /// <param name="messageId">The id asked for.</param>
    /// <param name="error">Why no status is known.</param>
    /// <returns>An <see cref="DeliveryStatus.Unknown"/> report carrying <paramref name="error"/>.</returns>
    public static DeliveryReport Unavailable(MessageId messageId, ViberMessagingException error)
        => new(messageId, DeliveryStatus.Unknown) { Error = error, ProviderErrorCode = error.ProviderErrorCode };

    /// <summary>
    /// Whether this report says the same as <paramref name="other"/>: a repeat that differs only in when it was stamped
    /// (or in its raw answer) is no change. The rule every <see cref="IDeliveryStore"/> uses to drop repeats.
    /// </summary>
    /// <param name="other">Another report, usually about the same message.</param>
    /// <returns><see langword="true"/> when both statuses, the failure reason, the raw values, the provider's error code,
    /// the number of SMS parts and whether an error is carried are all equal.</returns>
    public bool IsRepeatOf(DeliveryReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ViberStatus == other.ViberStatus
            && SmsStatus == other.SmsStatus
            && FailureReason == other.FailureReason
            && string.Equals(RawStatus, other.RawStatus, StringComparison.Ordinal)
            && string.Equals(RawSmsStatus, other.RawSmsStatus, StringComparison.Ordinal)
            && string.Equals(ProviderErrorCode, other.ProviderErrorCode, StringComparison.Ordinal)
            && SmsPartIds.Count == other.SmsPartIds.Count
            && (Error is null) == (other.Error is null);
    }

    /// <summary>Combines two reports about the same message, keeping the most advanced state of each channel.</summary>
    /// <param name="other">A report about the same message.</param>
    /// <returns>The merged report; merging is commutative for different states and idempotent.</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> is about another message.</exception>
    public DeliveryReport Merge(DeliveryReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.MessageId != MessageId)
        {
            throw new ArgumentException($"Cannot merge a report for {other.MessageId} into one for {MessageId}.", nameof(other));
        }

        var viber = Prefer(this, other, r => r.ViberStatus);
        var sms = Prefer(this, other, r => r.SmsStatus ?? (DeliveryStatus)(-1));
        var hasSms = SmsStatus is not null || other.SmsStatus is not null;
        return new DeliveryReport(MessageId, viber.ViberStatus)
        {
            SmsStatus = hasSms ? sms.SmsStatus : null,
            RawSmsStatus = hasSms ? sms.RawSmsStatus : null,
            SmsPartIds = SmsPartIds.Union(other.SmsPartIds, StringComparer.Ordinal).ToArray(),
            RawStatus = viber.RawStatus,
            FailureReason = viber.FailureReason != DeliveryFailureReason.None ? viber.FailureReason : Other(viber, this, other).FailureReason,
            ProviderErrorCode = viber.ProviderErrorCode ?? Other(viber, this, other).ProviderErrorCode,
            StatusAt = Max(StatusAt, other.StatusAt),
            Recipient = Recipient ?? other.Recipient,
            Error = viber.ViberStatus == DeliveryStatus.Unknown && !hasSms ? viber.Error ?? Other(viber, this, other).Error : null,
            RawRepresentation = viber.RawRepresentation ?? Other(viber, this, other).RawRepresentation,
        };
    }

    /// <summary>Returns the id, the status and the channel.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
        => $"{MessageId}: {Status}" + (DeliveredVia is { } via ? $" via {via}" : string.Empty)
            + (FailureReason != DeliveryFailureReason.None ? $" ({FailureReason})" : string.Empty);

    /// <summary>Attaches the answer <paramref name="reports"/> were just read from (reports not yet handed out).</summary>
    internal static IReadOnlyList<DeliveryReport> WithRaw(IReadOnlyList<DeliveryReport> reports, object raw)
    {
        foreach (var report in reports)
        {
            report.WithRaw(raw);
        }

        return reports;
    }

    /// <summary>Attaches the answer this report was just read from (a report not yet handed out); keeps one already attached.</summary>
    internal DeliveryReport WithRaw(object raw)
    {
        _rawRepresentation ??= raw;
        return this;
    }

    internal static bool IsFailure(DeliveryStatus status)
        => status is DeliveryStatus.Expired or DeliveryStatus.Undeliverable or DeliveryStatus.Rejected
            or DeliveryStatus.Failed or DeliveryStatus.Cancelled;

    internal static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Unknown => 0,
        DeliveryStatus.Pending => 1,
        DeliveryStatus.Sent => 2,
        DeliveryStatus.Delivered => 4,
        DeliveryStatus.Read => 5,
        _ when IsFailure(status) => 3,
        _ => -1,
    };

    private static DeliveryReport Prefer(DeliveryReport a, DeliveryReport b, Func<DeliveryReport, DeliveryStatus> channel)
    {
        var rankA = Rank(channel(a));
        var rankB = Rank(channel(b));
        if (rankA != rankB)
        {
            return rankA > rankB ? a : b;
        }

        // Same rank: the later report wins, so Expired then Undeliverable settles on the newest word.
        return (b.StatusAt ?? DateTimeOffset.MinValue) > (a.StatusAt ?? DateTimeOffset.MinValue) ? b : a;
    }

    private static DeliveryReport Other(DeliveryReport chosen, DeliveryReport a, DeliveryReport b)
        => ReferenceEquals(chosen, a) ? b : a;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b)
        => a is null ? b : b is null ? a : a > b ? a : b;
}
