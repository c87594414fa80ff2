using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.Internal.Json;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// DecisionTelecom's <see cref="IViberSender"/> and <see cref="IStatusQuery"/>. The API takes one recipient per send
/// and one id per status query, so both fan out into paced requests with bounded concurrency; every recipient and
/// every id gets its own outcome. Thread-safe.
/// </summary>
internal sealed class DecisionTelecomViberClient(ProviderContext<DecisionTelecomOptions> context) : IViberSender, IStatusQuery, IViberMessageCheck
{
    private static readonly DecisionTelecomJsonContext Json = DecisionTelecomJsonContext.Default;

    internal const string SendPath = "v1/api/send-viber";
    internal const string StatusPath = "v1/api/receive-viber";

    public string ProviderName => context.Name;

    public ProviderCapabilities Capabilities => DecisionTelecomMessageValidator.CapabilitiesFor(context.Options);

    public void Check(ViberMessage message) => DecisionTelecomMessageValidator.Validate(message, Capabilities, ProviderName);

    // Not async: the observing decorator awaits it, and an invalid message throws there all the same.
    public Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        Check(message);
        var callbackUrl = message.CallbackUrl is null ? context.Callbacks?.GetCallbackUrl(ProviderName, correlationToken: null) : null;
        return SendBatching.SendAsync(
            ProviderName, message.Recipients, chunkSize: 1, context.Options.MaxConcurrentRequests,
            (chunk, token) => SendOneAsync(message, callbackUrl, chunk.Span[0], token), context.Logger, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
    {
        var ids = DecisionTelecomMessageValidator.ValidateIds(messageIds, ProviderName);
        return await StatusBatching.QueryAsync(
            ProviderName, ids, chunkSize: 1, context.Options.MaxConcurrentRequests,
            (chunk, token) => QueryOneAsync(chunk.Span[0], token), cancellationToken).ConfigureAwait(false);
    }

    // callbackUrl: the application's callback URL for this account (IViberCallbackAddress) when the message sets none.
    private Task<ChunkResult> SendOneAsync(ViberMessage message, Uri? callbackUrl, PhoneNumber recipient, CancellationToken cancellationToken)
    {
        var body = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, recipient);
        body = callbackUrl is null ? body : body with { CallbackUrl = callbackUrl.AbsoluteUri };
        var request = ViberRequestOptions.Create(HttpMethod.Post, SendPath, new PooledJsonContent<SendViberRequest>(body, Json.SendViberRequest), "send", idempotent: false);
        return context.Transport.CallAsync(request, Json.SendViberResponse, (recipient, ProviderName), static (response, answer, s) => Sent(response, answer, s.recipient, s.ProviderName), static (response, error, s) => Refused(response, error, s.recipient, s.ProviderName), cancellationToken);
    }

    private Task<IReadOnlyList<DeliveryReport>> QueryOneAsync(MessageId id, CancellationToken cancellationToken)
    {
        var body = DecisionTelecomRequestMapper.ToDecisionTelecomStatus(id);
        var request = ViberRequestOptions.Create(HttpMethod.Post, StatusPath, new PooledJsonContent<ReceiveViberRequest>(body, Json.ReceiveViberRequest), "status", idempotent: true);
        return context.Transport.CallAsync(request, Json.ReceiveViberResponse, id, static (response, answer, id) => Status(response, answer, id), static (response, error, id) => UnknownId(response, error, id), cancellationToken);
    }

    private static ChunkResult Sent(ProviderResponse response, SendViberResponse answer, PhoneNumber recipient, string providerName)
    {
        if (Complete(response, answer).MessageId is null)
        {
            // A 2xx with neither an id nor an error: the provider may have sent it, and we cannot track it. Calling
            // it rejected would invite a resend, so the outcome is unknown.
            throw response.Malformed(detail: "The answer has neither a message_id nor an error.");
        }

        return new ChunkResult([DecisionTelecomResponseMapper.FromDecisionTelecomSend(answer, recipient, providerName)]) { Raw = answer };
    }

    /// <summary>A refusal about the recipient alone (<c>destination_addr</c>) rejects that recipient; any other fails the send.</summary>
    private static ChunkResult Refused(ProviderResponse response, ProviderError error, PhoneNumber recipient, string providerName)
        => error.Raw is SendViberResponse answer && DecisionTelecomErrorMapper.RejectsRecipient(answer)
            ? new ChunkResult([DecisionTelecomResponseMapper.FromDecisionTelecomSend(answer, recipient, providerName)]) { Raw = answer }
            : throw response.Error(error);

    private static IReadOnlyList<DeliveryReport> Status(ProviderResponse response, ReceiveViberResponse answer, MessageId id)
        => [DecisionTelecomResponseMapper.FromDecisionTelecomStatus(Complete(response, answer), id).WithRaw(answer)];

    /// <summary>An unknown id is that id's outcome (a report), not a failed query; any other refusal fails the query.</summary>
    private static IReadOnlyList<DeliveryReport> UnknownId(ProviderResponse response, ProviderError error, MessageId id)
        => error.Raw is ReceiveViberResponse answer && DecisionTelecomErrorMapper.IsUnknownMessage(answer)
            ? [DecisionTelecomErrorMapper.ToUnknownMessageReport(response, id, answer)]
            : throw response.Error(error);

    /// <summary>An answer that is not an error must carry what the endpoint documents, and an id DecisionTelecom can be asked about.</summary>
    internal static T Complete<T>(ProviderResponse response, T answer)
        where T : DecisionTelecomAnswer
    {
        if (answer.UnreadableId is { } raw)
        {
            throw response.Malformed(new UnreadableIdException(raw, "message_id is not a DecisionTelecom id (a 64-bit number)."), "Its message_id is not a DecisionTelecom id (a 64-bit number): the message was sent, but cannot be tracked.");
        }

        return answer.IsComplete ? answer : throw response.Malformed(detail: "The answer lacks the fields DecisionTelecom documents.");
    }
}
