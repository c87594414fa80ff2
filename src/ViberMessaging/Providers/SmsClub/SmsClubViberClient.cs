using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsClub;

/// <summary>
/// SMS Club's Viber API behind the neutral interfaces: sends (Viber, Viber + SMS, image + button, scheduling, two-way),
/// statuses, chats, the balance and the sender names. Orchestration only: validate → map → send → map back.
/// </summary>
internal sealed class SmsClubViberClient : IViberSender, IStatusQuery, IViberChats, IBalanceQuery, ISmsClubAccount, IViberMessageCheck
{
    private static readonly SmsClubJsonContext Json = SmsClubJsonContext.Default;
    private readonly ProviderContext<SmsClubOptions> _context;

    public SmsClubViberClient(ProviderContext<SmsClubOptions> context) => _context = context;

    public string ProviderName => _context.Name;

    public ProviderCapabilities Capabilities => SmsClubMessageValidator.CapabilitiesFor(_context.Options);

    private int Concurrency => _context.Options.MaxConcurrentRequests;

    public void Check(ViberMessage message)
        => SmsClubMessageValidator.Validate(message, Capabilities, ProviderName, ScheduleClock.For(_context.TimeProvider, _context.Options));

    public Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        Check(message);
        return message.TwoWay?.ChatId is { } chatId
            ? ReplyInChatAsync(message, chatId, cancellationToken)
            : SendBatching.SendAsync(ProviderName, message.Recipients, Capabilities.MaxRecipientsPerRequest, Concurrency, (chunk, ct) => SendChunkAsync(message, chunk, ct), _context.Logger, cancellationToken);
    }

    public Task<SendResult> ReplyAsync(string chatId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        return SendAsync(new ViberMessage { Text = text, TwoWay = TwoWayOptions.ReplyIn(chatId) }, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
        => StatusBatching.QueryAsync(ProviderName, messageIds, Capabilities.MaxStatusIdsPerRequest, Concurrency, QueryChunkAsync, cancellationToken);

    public async IAsyncEnumerable<ViberChat> GetChatsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? previousFirst = null;
        for (var page = 1; ; page++)
        {
            var data = await GetAsync(SmsClubRequestMapper.ToSmsClubChatsUri(page), "chats", Json.ChatsResponse, cancellationToken).ConfigureAwait(false);
            var chats = SmsClubResponseMapper.FromSmsClubChats(data);
            if (chats.Count == 0 || chats[0].ChatId == previousFirst)
            {
                yield break; // The end, or a framework that clamps a page past the end to the last one.
            }

            foreach (var chat in chats)
            {
                yield return chat;
            }

            if ((data.Chats?.Count ?? 0) < SmsClubRequestMapper.PageSize)
            {
                yield break;
            }

            previousFirst = chats[0].ChatId;
        }
    }

    public async IAsyncEnumerable<ChatMessage> GetMessagesAsync(string chatId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        ChatMessage? previousFirst = null;
        for (var page = 1; ; page++)
        {
            var data = await GetAsync(SmsClubRequestMapper.ToSmsClubChatUri(chatId, page), "chat", Json.ChatResponse, cancellationToken).ConfigureAwait(false);
            var messages = SmsClubResponseMapper.FromSmsClubChat(data, chatId);
            if (messages.Count == 0 || (previousFirst is not null && SameMessage(messages[0], previousFirst)))
            {
                yield break;
            }

            foreach (var message in messages)
            {
                yield return message;
            }

            if (messages.Count < SmsClubRequestMapper.PageSize)
            {
                yield break;
            }

            previousFirst = messages[0];
        }
    }

    public async Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "sms/balance", content: null, "balance", idempotent: true);
        using var response = await _context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = Parse(response, Json.SmsClubBalanceResponse);
        return SmsClubResponseMapper.FromSmsClubBalance(body) ?? throw SmsClubErrorMapper.FromSmsClubError(response);
    }

    public async Task<IReadOnlyList<string>> GetSenderNamesAsync(CancellationToken cancellationToken = default)
    {
        using var request = ViberRequestOptions.Create(HttpMethod.Get, "vibers/originator", content: null, "originator", idempotent: true);
        using var response = await _context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = Parse(response, Json.SmsClubSenderNames);
        return body.Names ?? throw SmsClubErrorMapper.FromSmsClubError(response);
    }

    private async Task<ChunkResult> SendChunkAsync(ViberMessage message, ReadOnlyMemory<PhoneNumber> chunk, CancellationToken cancellationToken)
    {
        var body = SmsClubRequestMapper.ToSmsClubSendRequest(message, chunk);
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "vibers/send", new PooledJsonContent<SmsClubSendRequest>(body, Json.SmsClubSendRequest), "send", idempotent: false);
        using var response = await _context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var data = RequestData(response, Json.SendResponse);
        return data.Messages is { Count: > 0 }
            ? new ChunkResult(SmsClubResponseMapper.FromSmsClubSendResponse(data, ProviderName, chunk.Span, u => response.Unreadable(
                u.Detail, u.State, JsonFragments.Entries(response.Body, u.Entries, "successfulRequest", "requestData", "messages"), u.RawId)))
            : throw SmsClubErrorMapper.NothingAccepted(response, data, chunk.Length);
    }

    private async Task<SendResult> ReplyInChatAsync(ViberMessage message, string chatId, CancellationToken cancellationToken)
    {
        var body = SmsClubRequestMapper.ToSmsClubReplyRequest(message, chatId);
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "vibers/send", new PooledJsonContent<SmsClubSendRequest>(body, Json.SmsClubSendRequest), "reply", idempotent: false);
        using var response = await _context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var data = RequestData(response, Json.SendResponse);
        var recipients = data.Messages is { Count: > 0 } ? SmsClubResponseMapper.FromSmsClubReplyResponse(data, ProviderName, chatId) : throw SmsClubErrorMapper.NothingAccepted(response, data, 1);
        return recipients.Count > 0 ? new SendResult(ProviderName, recipients) : throw response.Malformed(detail: "The reply was accepted, but the answer names no recipient number.");
    }

    private async Task<IReadOnlyList<DeliveryReport>> QueryChunkAsync(ReadOnlyMemory<MessageId> ids, CancellationToken cancellationToken)
    {
        var body = SmsClubRequestMapper.ToSmsClubStatusRequest(ids.Span);
        using var request = ViberRequestOptions.Create(HttpMethod.Post, "vibers/status", new PooledJsonContent<SmsClubStatusRequest>(body, Json.SmsClubStatusRequest), "status", idempotent: true);
        using var response = await _context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return SmsClubResponseMapper.FromSmsClubStatusResponse(RequestData(response, Json.StatusResponse), ProviderName);
    }

    private async Task<TData> GetAsync<TData>(string relativeUri, string operation, JsonTypeInfo<SmsClubResponse<TData>> typeInfo, CancellationToken cancellationToken)
        where TData : class
    {
        using var request = ViberRequestOptions.Create(HttpMethod.Get, relativeUri, content: null, operation, idempotent: true);
        using var response = await _context.Transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return RequestData(response, typeInfo);
    }

    /// <summary><c>successfulRequest.requestData</c> of a successful answer; anything else becomes the mapped error, or a malformed-answer error.</summary>
    private static TData RequestData<TData>(ProviderResponse response, JsonTypeInfo<SmsClubResponse<TData>> typeInfo)
        where TData : class
        => Parse(response, typeInfo).SuccessfulRequest?.RequestData ?? throw SmsClubErrorMapper.FromSmsClubError(response);

    private static T Parse<T>(ProviderResponse response, JsonTypeInfo<T> typeInfo)
        where T : class
        => response.Read(typeInfo, SmsClubErrorMapper.TryParse);

    private static bool SameMessage(ChatMessage a, ChatMessage b)
        => a.Direction == b.Direction && a.Timestamp == b.Timestamp && string.Equals(a.Text, b.Text, StringComparison.Ordinal)
            && string.Equals(a.ProviderMessageId, b.ProviderMessageId, StringComparison.Ordinal);
}
