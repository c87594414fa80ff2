using System.Text;
using System.Text.Json;

namespace ViberMessaging.SmsBy;

/// <summary>
/// Reads the body SMS.by posts to <c>sendBulkViber</c>'s <c>callback_url</c>: the method's asynchronous answer, the
/// <c>statusBulkViber</c> array (lists with each recipient's status, and <c>{"errors":[…]}</c> for refused lists)
/// without the request's uuid. A plain function over the body's bytes, so it works in any web framework.
/// </summary>
/// <remarks>
/// <para>
/// The body does not say which request it answers: the SDK gives each <c>sendBulkViber</c> request its own callback URL
/// (see <see cref="IViberCallbackAddress"/>) and passes the ids that request returned to <see cref="ParseBulkStatus"/>.
/// </para>
/// <para>
/// Lenient: a single list object instead of an array, ids and phones as strings or numbers, unknown fields and status
/// words (kept raw) are read. A body that is not JSON, or not lists, fails with a <see cref="ViberMessagingException"/>
/// whose <see cref="ViberMessagingException.ErrorCode"/> is <see cref="ViberErrorCode.MalformedResponse"/>; never with another exception.
/// </para>
/// </remarks>
public static class SmsByCallbacks
{
    private const int MaxBodyInErrors = 4096;

    /// <summary>The reports the body gives about <paramref name="messageIds"/>, the ids of the <c>sendBulkViber</c> request it answers.</summary>
    /// <param name="json">The callback's body.</param>
    /// <param name="messageIds">
    /// The ids the send returned (<c>bulk:&lt;uuid&gt;:&lt;phone&gt;[:&lt;list&gt;]</c>); ids of another kind are skipped.
    /// Empty: only checks the body.
    /// </param>
    /// <param name="providerUtcOffset">The offset of SMS.by's zone-less times (<see cref="SmsByOptions.ProviderUtcOffset"/>, 3 hours for SMS.by).</param>
    /// <returns>
    /// One report per id the body speaks of: the recipient's status (raw word in <see cref="DeliveryReport.RawStatus"/>),
    /// or <see cref="DeliveryStatus.Rejected"/> with the list's error when SMS.by refused its list. Ids the body does not
    /// mention get no report.
    /// </returns>
    /// <exception cref="ViberMessagingException">The body is not SMS.by's bulk answer (<see cref="ViberErrorCode.MalformedResponse"/>).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="messageIds"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<DeliveryReport> ParseBulkStatus(ReadOnlySpan<byte> json, IEnumerable<MessageId> messageIds, TimeSpan providerUtcOffset)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var items = Read(json);
        var reports = new List<DeliveryReport>();
        var statuses = new Dictionary<(string Provider, string Uuid), SmsByBulkStatus>();
        foreach (var id in messageIds)
        {
            if (!SmsByIds.TryParse(id.Value, out var parts) || parts.Kind != SmsByIdKind.Bulk)
            {
                continue;
            }

            if (!statuses.TryGetValue((id.Provider, parts.Key), out var status))
            {
                status = SmsByResponseMapper.FromSmsByBulkStatus(items, parts.Key, id.Provider, providerUtcOffset);
                statuses[(id.Provider, parts.Key)] = status;
            }

            var report = SmsByResponseMapper.FromSmsByBulkStatus(status, parts, id).WithRaw(status);

            // Found in a list (a status word) or its list refused (an error): the body said something about it.
            if (report.RawStatus is not null || report.ProviderErrorCode is not null)
            {
                reports.Add(report);
            }
        }

        return reports;
    }

    private static List<SmsByBulkStatusItem> Read(ReadOnlySpan<byte> json)
    {
        var trimmed = json.Trim(" \t\r\n"u8);
        try
        {
            List<SmsByBulkStatusItem>? items;
            if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
            {
                // One list object, not wrapped in the array statusBulkViber answers with.
                var single = JsonSerializer.Deserialize(trimmed, SmsByJsonContext.Default.SmsByBulkStatusItem);
                items = single is null ? null : [single];
            }
            else
            {
                items = JsonSerializer.Deserialize(trimmed, SmsByJsonContext.Default.ListSmsByBulkStatusItem);
            }

            return items ?? throw Malformed(json, "the body is null, not the lists SMS.by sends.");
        }
        catch (JsonException exception)
        {
            throw Malformed(json, "the body is not the JSON array of lists SMS.by sends.", exception);
        }
    }

    private static ViberMessagingException Malformed(ReadOnlySpan<byte> json, string detail, Exception? inner = null)
    {
        var text = Encoding.UTF8.GetString(json[..Math.Min(json.Length, MaxBodyInErrors)]);
        return new ViberMessagingException(ViberErrorCode.MalformedResponse, $"The SMS.by bulk callback could not be read: {detail}", inner)
        {
            ProviderName = ViberProviders.SmsBy,
            ResponseBody = json.Length > MaxBodyInErrors ? text + "…" : text,
        };
    }
}
