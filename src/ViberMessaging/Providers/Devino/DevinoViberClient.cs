using System.Globalization;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.Internal.Json;
using ViberMessaging.Resilience;

namespace ViberMessaging.Devino;

/// <summary>
/// Devino Telecom's Viber HTTP API behind <see cref="IViberSender"/> and <see cref="IStatusQuery"/>:
/// <c>POST /send</c> (≤ 100 messages per request, <c>commonData</c> for several recipients) and <c>POST /status</c>
/// (≤ 100 ids per request). Orchestration only: validate → map → send → map back. Thread-safe.
/// </summary>
internal sealed class DevinoViberClient : IViberSender, IStatusQuery, IViberMessageCheck
{
    private static readonly DevinoJsonContext Json = DevinoJsonContext.Default;
    private readonly ProviderContext<DevinoOptions> _context;

    public DevinoViberClient(ProviderContext<DevinoOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Capabilities = DevinoMessageValidator.CapabilitiesFor(context.Options);
    }

    public string ProviderName => _context.Name;

    public ProviderCapabilities Capabilities { get; }

    public void Check(ViberMessage message) => DevinoMessageValidator.Validate(message, Capabilities, ProviderName);

    public async Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        Check(message);
        return await SendBatching.SendAsync(
            ProviderName,
            message.Recipients,
            Capabilities.MaxRecipientsPerRequest,
            _context.Options.MaxConcurrentRequests,
            (chunk, token) => SendChunkAsync(DevinoRequestMapper.ToDevinoSendRequest(message, chunk.Span, _context.Options), chunk, token),
            _context.Logger,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
    {
        var ids = DevinoMessageValidator.ValidateMessageIds(messageIds, ProviderName);
        return await StatusBatching.QueryAsync(
            ProviderName,
            ids,
            Capabilities.MaxStatusIdsPerRequest,
            _context.Options.MaxConcurrentRequests,
            (chunk, token) => QueryChunkAsync(DevinoRequestMapper.ToDevinoStatusRequest(chunk.Span), chunk, token),
            cancellationToken).ConfigureAwait(false);
    }

    private Task<ChunkResult> SendChunkAsync(DevinoSendRequest body, ReadOnlyMemory<PhoneNumber> recipients, CancellationToken cancellationToken)
    {
        var request = ViberRequestOptions.Create(HttpMethod.Post, "send", new PooledJsonContent<DevinoSendRequest>(body, Json.DevinoSendRequest), "send", idempotent: false);
        return _context.Transport.CallAsync(request, Json.DevinoSendResponse, (recipients, ProviderName), static (response, answer, s) => Sent(response, answer, s.recipients.Span, s.ProviderName), refused: null, cancellationToken);
    }

    private Task<IReadOnlyList<DeliveryReport>> QueryChunkAsync(DevinoStatusRequest body, ReadOnlyMemory<MessageId> ids, CancellationToken cancellationToken)
    {
        var request = ViberRequestOptions.Create(HttpMethod.Post, "status", new PooledJsonContent<DevinoStatusRequest>(body, Json.DevinoStatusRequest), "status", idempotent: true);
        return _context.Transport.CallAsync(request, Json.DevinoStatusResponse, (ids, ProviderName), static (response, answer, s) => DeliveryReport.WithRaw(DevinoResponseMapper.FromDevinoStatusResponse(WithMessages(response, answer, answer.Messages), s.ids.Span, s.ProviderName), answer), refused: null, cancellationToken);
    }

    private static ChunkResult Sent(ProviderResponse response, DevinoSendResponse answer, ReadOnlySpan<PhoneNumber> recipients, string providerName)
        => new(DevinoResponseMapper.FromDevinoSendResponse(WithMessages(response, answer, answer.Messages), recipients, providerName, index =>
        {
            var entry = JsonFragments.Entries(response.Body, [index], "messages");
            return response.Unreadable(
                string.Create(CultureInfo.InvariantCulture, $"Message {index} of the request was accepted (code ok) without a usable providerId (a 64-bit number): it was sent, but cannot be tracked."),
                AnswerState.UnreadableId,
                entry,
                JsonFragments.Property(entry, "providerId"));
        }))
        {
            Raw = answer,
        };

    /// <summary>
    /// "ok" without the per-message array says nothing about the messages: treating them as rejected could invite a
    /// resend of messages Devino accepted, so the answer is malformed (an unknown outcome for a send).
    /// </summary>
    private static T WithMessages<T>(ProviderResponse response, T answer, object? messages)
        => messages is not null ? answer : throw response.Malformed(detail: "The answer has no messages array.");
}
