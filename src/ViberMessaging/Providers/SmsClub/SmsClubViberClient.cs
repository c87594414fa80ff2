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
        return ReplyRules.IsReply(message, out var chatId)
            ? ReplyInChatAsync(message, chatId, cancellationToken)
            : SendBatching.SendAsync(ProviderName, message.Recipients, Capabilities.MaxRecipientsPerRequest, Concurrency, (chunk, ct) => SendChunkAsync(message, chunk, ct), _context.Logger, cancellationToken);
    }

    public Task<SendResult> ReplyAsync(string chatId, string text, CancellationToken cancellationToken = default)
        => SendAsync(ReplyRules.Reply(chatId, text), cancellationToken);

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

    public Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var request = ViberRequestOptions.Create(HttpMethod.Post, "sms/balance", content: null, "balance", idempotent: true);
        return _context.Transport.CallAsync(request, Json.SmsClubBalanceResponse, 0, static (response, body, _) => SmsClubResponseMapper.FromSmsClubBalance(body) ?? throw SmsClubErrorMapper.FromSmsClubError(response), refused: null, cancellationToken);
    }

    public Task<IReadOnlyList<string>> GetSenderNamesAsync(CancellationToken cancellationToken = default)
    {
        var request = ViberRequestOptions.Create(HttpMethod.Get, "vibers/originator", content: null, "originator", idempotent: true);
        return _context.Transport.CallAsync(request, Json.SmsClubSenderNames, 0, static (response, body, _) => body.Names ?? throw SmsClubErrorMapper.FromSmsClubError(response), refused: null, cancellationToken);
    }

    private Task<ChunkResult> SendChunkAsync(ViberMessage message, ReadOnlyMemory<PhoneNumber> chunk, CancellationToken cancellationToken)
    {
        var request = Post("vibers/send", SmsClubRequestMapper.ToSmsClubSendRequest(message, chunk), "send");
        return _context.Transport.CallAsync(request, Json.SendResponse, (chunk, ProviderName), static (response, answer, s) => Sent(response, answer, s.chunk.Span, s.ProviderName), refused: null, cancellationToken);
    }

    private Task<SendResult> ReplyInChatAsync(ViberMessage message, string chatId, CancellationToken cancellationToken)
    {
        var request = Post("vibers/send", SmsClubRequestMapper.ToSmsClubReplyRequest(message, chatId), "reply");
        return _context.Transport.CallAsync(request, Json.SendResponse, (chatId, ProviderName), static (response, answer, s) => Replied(response, answer, s.chatId, s.ProviderName), refused: null, cancellationToken);
    }

    private Task<IReadOnlyList<DeliveryReport>> QueryChunkAsync(ReadOnlyMemory<MessageId> ids, CancellationToken cancellationToken)
    {
        var body = SmsClubRequestMapper.ToSmsClubStatusRequest(ids.Span);
        var request = ViberRequestOptions.Create(HttpMethod.Post, "vibers/status", new PooledJsonContent<SmsClubStatusRequest>(body, Json.SmsClubStatusRequest), "status", idempotent: true);
        return _context.Transport.CallAsync(request, Json.StatusResponse, ProviderName, static (response, answer, provider) => DeliveryReport.WithRaw(SmsClubResponseMapper.FromSmsClubStatusResponse(RequestData(response, answer), provider), answer), refused: null, cancellationToken);
    }

    private Task<TData> GetAsync<TData>(string relativeUri, string operation, JsonTypeInfo<SmsClubResponse<TData>> typeInfo, CancellationToken cancellationToken)
        where TData : class
    {
        var request = ViberRequestOptions.Create(HttpMethod.Get, relativeUri, content: null, operation, idempotent: true);
        return _context.Transport.CallAsync(request, typeInfo, 0, static (response, answer, _) => RequestData(response, answer), refused: null, cancellationToken);
    }

    private static HttpRequestMessage Post(string relativeUri, SmsClubSendRequest body, string operation)
        => ViberRequestOptions.Create(HttpMethod.Post, relativeUri, new PooledJsonContent<SmsClubSendRequest>(body, Json.SmsClubSendRequest), operation, idempotent: false);

    private static ChunkResult Sent(ProviderResponse response, SmsClubResponse<SmsClubSendData> answer, ReadOnlySpan<PhoneNumber> chunk, string providerName)
    {
        var data = RequestData(response, answer);
        return data.Messages is { Count: > 0 }
            ? new ChunkResult(SmsClubResponseMapper.FromSmsClubSendResponse(data, providerName, chunk, u => response.Unreadable(
                u.Detail, u.State, JsonFragments.Entries(response.Body, u.Entries, "successfulRequest", "requestData", "messages"), u.RawId))) { Raw = answer }
            : throw SmsClubErrorMapper.NothingAccepted(response, data, chunk.Length);
    }

    private static SendResult Replied(ProviderResponse response, SmsClubResponse<SmsClubSendData> answer, string chatId, string providerName)
    {
        var data = RequestData(response, answer);
        var recipients = data.Messages is { Count: > 0 } ? SmsClubResponseMapper.FromSmsClubReplyResponse(data, providerName, chatId) : throw SmsClubErrorMapper.NothingAccepted(response, data, 1);
        return recipients.Count > 0 ? new SendResult(providerName, recipients) { RawRepresentation = answer } : throw response.Malformed(detail: "The reply was accepted, but the answer names no recipient number.");
    }

    /// <summary><c>successfulRequest.requestData</c> of a successful answer; anything else becomes the mapped error.</summary>
    private static TData RequestData<TData>(ProviderResponse response, SmsClubResponse<TData> answer)
        where TData : class
        => answer.SuccessfulRequest?.RequestData ?? throw SmsClubErrorMapper.FromSmsClubError(response);

    private static bool SameMessage(ChatMessage a, ChatMessage b)
        => a.Direction == b.Direction && a.Timestamp == b.Timestamp && string.Equals(a.Text, b.Text, StringComparison.Ordinal)
            && string.Equals(a.ProviderMessageId, b.ProviderMessageId, StringComparison.Ordinal);
}
