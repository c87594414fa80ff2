using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// DecisionTelecom's <see cref="IViberSender"/> and <see cref="IStatusQuery"/>. The API takes one recipient per send
/// and one id per status query, so both fan out into paced requests with bounded concurrency; every recipient and
/// every id gets its own outcome. Thread-safe.
/// </summary>
internal sealed class DecisionTelecomViberClient(ProviderContext<DecisionTelecomOptions> context) : IViberSender, IStatusQuery, IViberMessageCheck
{
    internal const string SendPath = "v1/api/send-viber";
    internal const string StatusPath = "v1/api/receive-viber";

    public string ProviderName => context.Name;

    public ProviderCapabilities Capabilities => DecisionTelecomMessageValidator.CapabilitiesFor(context.Options);

    public void Check(ViberMessage message) => DecisionTelecomMessageValidator.Validate(message, Capabilities, ProviderName);

    public async Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        Check(message);
        return await SendBatching.SendAsync(
            ProviderName, message.Recipients, chunkSize: 1, context.Options.MaxConcurrentRequests,
            (chunk, token) => SendOneAsync(message, chunk.Span[0], token), context.Logger, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
    {
        var ids = DecisionTelecomMessageValidator.ValidateIds(messageIds, ProviderName);
        return await StatusBatching.QueryAsync(
            ProviderName, ids, chunkSize: 1, context.Options.MaxConcurrentRequests,
            (chunk, token) => QueryOneAsync(chunk.Span[0], token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChunkResult> SendOneAsync(ViberMessage message, PhoneNumber recipient, CancellationToken cancellationToken)
    {
        var body = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, recipient);
        using var request = ViberRequestOptions.Create(
            HttpMethod.Post, SendPath, new PooledJsonContent<SendViberRequest>(body, DecisionTelecomJsonContext.Default.SendViberRequest), "send", idempotent: false);
        using var response = await context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = DecisionTelecomResponseMapper.Read(response, DecisionTelecomJsonContext.Default.SendViberResponse);
        if (answer.IsError && !DecisionTelecomErrorMapper.RejectsRecipient(answer))
        {
            throw DecisionTelecomErrorMapper.ToException(response, answer);
        }

        if (!answer.IsError && answer.MessageId is null)
        {
            // A 2xx with neither an id nor an error: the provider may have sent it, and we cannot track it. Calling
            // it rejected would invite a resend, so the outcome is unknown.
            throw response.Malformed(detail: "The answer has neither a message_id nor an error.");
        }

        return new ChunkResult([DecisionTelecomResponseMapper.FromDecisionTelecomSend(answer, recipient, ProviderName)]);
    }

    private async Task<IReadOnlyList<DeliveryReport>> QueryOneAsync(MessageId id, CancellationToken cancellationToken)
    {
        var body = DecisionTelecomRequestMapper.ToDecisionTelecomStatus(id);
        using var request = ViberRequestOptions.Create(
            HttpMethod.Post, StatusPath, new PooledJsonContent<ReceiveViberRequest>(body, DecisionTelecomJsonContext.Default.ReceiveViberRequest), "status", idempotent: true);
        using var response = await context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = DecisionTelecomResponseMapper.Read(response, DecisionTelecomJsonContext.Default.ReceiveViberResponse);
        if (!answer.IsError)
        {
            return [DecisionTelecomResponseMapper.FromDecisionTelecomStatus(answer, id)];
        }

        return DecisionTelecomErrorMapper.IsUnknownMessage(answer)
            ? [DecisionTelecomErrorMapper.ToUnknownMessageReport(response, id, answer)]
            : throw DecisionTelecomErrorMapper.ToException(response, answer);
    }
}
