using System.Globalization;

namespace ViberMessaging.Devino;

/// <summary>
/// Maps Devino's answers to the neutral model: per-message send codes to recipient results (in request order), and
/// statuses (with SMS re-send segments) to delivery reports, keeping every raw word beside the mapped value.
/// </summary>
internal static class DevinoResponseMapper
{
    private static readonly string[] StatusAtFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>
    /// One result per recipient, in order: <c>ok</c> → accepted with its 64-bit id; an error code → rejected with the
    /// mapped reason and the raw code; a recipient the answer leaves out → rejected as not accepted. An <c>ok</c>
    /// without a usable id is failed with <paramref name="acceptedWithoutId"/> (accepted, but cannot be tracked).
    /// </summary>
    public static RecipientResult[] FromDevinoSendResponse(
        DevinoSendResponse response,
        ReadOnlySpan<PhoneNumber> recipients,
        string providerName,
        Func<int, ViberMessagingException> acceptedWithoutId)
    {
        var messages = response.Messages ?? [];
        var results = new RecipientResult[recipients.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var entry = i < messages.Count ? messages[i] : null;
            var recipient = recipients[i];
            var accepted = entry is not null && (DevinoErrorMapper.IsOk(entry.Code) || (entry.Code is null && entry.ProviderId is not null));
            results[i] = accepted switch
            {
                true when entry!.ProviderId is { } id => new RecipientResult
                {
                    Recipient = recipient,
                    Status = RecipientStatus.Accepted,
                    MessageId = new MessageId(providerName, id.ToString(CultureInfo.InvariantCulture)),
                },
                true => new RecipientResult { Recipient = recipient, Status = RecipientStatus.Failed, Error = acceptedWithoutId(i) },
                false => new RecipientResult
                {
                    Recipient = recipient,
                    Status = RecipientStatus.Rejected,
                    Reason = DevinoErrorMapper.ToRejectionReason(entry?.Code),
                    ProviderCode = entry?.Code,
                },
            };
        }

        return results;
    }

    /// <summary>
    /// One report per id Devino answered about, matched by <c>providerId</c> (or by position when it omits the ids
    /// and answers them all); an id with an error code gets an <see cref="DeliveryStatus.Unknown"/> report with the error.
    /// </summary>
    public static IReadOnlyList<DeliveryReport> FromDevinoStatusResponse(DevinoStatusResponse response, ReadOnlySpan<MessageId> asked, string providerName)
    {
        var messages = response.Messages ?? [];
        var byProviderId = new Dictionary<long, MessageId>(asked.Length);
        foreach (var id in asked)
        {
            if (DevinoMessageValidator.TryParseProviderId(id, out var providerId))
            {
                byProviderId.TryAdd(providerId, id);
            }
        }

        var reports = new Dictionary<MessageId, DeliveryReport>(asked.Length);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } entry)
            {
                continue;
            }

            MessageId id;
            if (entry.ProviderId is { } providerId)
            {
                if (!byProviderId.TryGetValue(providerId, out id))
                {
                    continue;
                }
            }
            else if (messages.Count == asked.Length)
            {
                id = asked[i];
            }
            else
            {
                continue;
            }

            var report = entry.Code is { } code && !DevinoErrorMapper.IsOk(code)
                ? DeliveryReport.Unavailable(id, DevinoErrorMapper.FromDevinoMessageCode(code, id, providerName))
                : FromDevinoMessageStatus(entry, id);

            // Devino answers a repeated id twice (one of them an error): keep a real status over an error.
            if (!reports.TryGetValue(id, out var earlier) || (earlier.Error is not null && report.Error is null))
            {
                reports[id] = report;
            }
        }

        return reports.Values.ToArray();
    }

    /// <summary>One message's status: the Viber status, the SMS re-send aggregated over its segments, the reason and when.</summary>
    public static DeliveryReport FromDevinoMessageStatus(DevinoMessageStatus status, MessageId id)
    {
        var viber = FromDevinoStatus(status.Status);
        var (sms, rawSms, partIds) = AggregateSms(status.SmsStates);

        // Devino re-sends as SMS only after the Viber message failed; an answer may then carry only the SMS states.
        if (status.Status is null && sms is not null)
        {
            viber = DeliveryStatus.Undeliverable;
        }

        var reason = status.ErrorCode ?? status.Error;
        return new DeliveryReport(id, viber)
        {
            SmsStatus = sms,
            RawStatus = status.Status,
            RawSmsStatus = rawSms,
            ProviderErrorCode = reason,
            FailureReason = FromDevinoErrorCode(reason, viber),
            StatusAt = FromDevinoStatusTime(status.StatusAt),
            SmsPartIds = partIds,
        };
    }

    /// <summary>A Viber or SMS status word, in any case and with '_' or '-'; an unknown word is <see cref="DeliveryStatus.Unknown"/>.</summary>
    public static DeliveryStatus FromDevinoStatus(string? word) => Normalize(word) switch
    {
        "enqueued" => DeliveryStatus.Pending,
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "read" or "visited" => DeliveryStatus.Read,
        "undelivered" => DeliveryStatus.Undeliverable,
        "failed" or "unknown-error" => DeliveryStatus.Failed,
        "cancelled" or "canceled" => DeliveryStatus.Cancelled,
        "vp-expired" or "expired" => DeliveryStatus.Expired,
        _ => DeliveryStatus.Unknown,
    };

    /// <summary>The reason an undelivered message gives (<c>user-blocked</c>, <c>not-viber-user</c>), or <see cref="DeliveryFailureReason.Expired"/> for <c>vp_expired</c>.</summary>
    public static DeliveryFailureReason FromDevinoErrorCode(string? errorCode, DeliveryStatus viber) => Normalize(errorCode) switch
    {
        "user-blocked" => DeliveryFailureReason.BlockedByRecipient,
        "not-viber-user" => DeliveryFailureReason.NotViberUser,
        null => viber == DeliveryStatus.Expired ? DeliveryFailureReason.Expired : DeliveryFailureReason.None,
        _ => DeliveryFailureReason.Other,
    };

    /// <summary><c>statusAt</c> as UTC: <c>yyyy-MM-dd HH:mm:ss</c> (also with <c>T</c> or fractions), ISO 8601 with an offset, or epoch milliseconds; anything else is <see langword="null"/>.</summary>
    public static DateTimeOffset? FromDevinoStatusTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs))
        {
            return epochMs <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs) : null;
        }

        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTime.TryParseExact(text, StatusAtFormats, CultureInfo.InvariantCulture, Utc, out var exact))
        {
            return new DateTimeOffset(exact, TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso.ToUniversalTime() : null;
    }

    /// <summary>
    /// One SMS status for all segments: a failed segment fails the SMS; otherwise the least advanced segment decides
    /// (the SMS is delivered when every segment is). Every segment id is kept.
    /// </summary>
    private static (DeliveryStatus? Status, string? Raw, string[] PartIds) AggregateSms(IReadOnlyList<DevinoSmsState?>? segments)
    {
        if (segments is null || segments.Count == 0)
        {
            return (null, null, []);
        }

        DeliveryStatus? aggregate = null;
        string? raw = null;
        var partIds = new List<string>(segments.Count);
        foreach (var segment in segments)
        {
            if (segment is null)
            {
                continue;
            }

            if (segment.Id is { } id)
            {
                partIds.Add(id.ToString(CultureInfo.InvariantCulture));
            }

            var word = segment.Status ?? segment.State;
            var status = FromDevinoStatus(word);
            if (aggregate is not { } current || Decides(status, current))
            {
                aggregate = status;
                raw = word;
            }
        }

        return (aggregate, raw, partIds.ToArray());
    }

    private static bool Decides(DeliveryStatus candidate, DeliveryStatus current)
    {
        var candidateFailed = DeliveryReport.IsFailure(candidate);
        var currentFailed = DeliveryReport.IsFailure(current);
        if (candidateFailed || currentFailed)
        {
            return candidateFailed && !currentFailed;
        }

        return DeliveryReport.Rank(candidate) < DeliveryReport.Rank(current);
    }

    private static string? Normalize(string? word)
        => string.IsNullOrWhiteSpace(word) ? null : word.Trim().ToLowerInvariant().Replace('_', '-');
}
