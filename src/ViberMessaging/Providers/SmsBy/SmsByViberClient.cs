using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;

namespace ViberMessaging.SmsBy;

/// <summary>
/// SMS.by behind the neutral interfaces, plus <see cref="ISmsByClient"/> for what has no neutral equivalent.
/// Orchestration only: validate → map → send through the account's transport → map back (or map the error).
/// </summary>
/// <remarks>
/// Routing: one recipient → <c>sendQuickViberMessage</c>; several → <c>sendBulkViber</c> in chunks of
/// <see cref="SmsByOptions.MaxRecipientsPerBulkRequest"/>, each followed by one <c>statusBulkViber</c> read that
/// reports refused lists at send time; an SMS fallback or two-way settings (quick-only features) send one quick
/// message per recipient. Statuses route by the id's kind (<see cref="SmsByIds"/>); a status word the SDK does not
/// know is logged once.
/// </remarks>
internal sealed partial class SmsByViberClient : IViberSender, IStatusQuery, IViberChats, ISmsByClient, IViberMessageCheck
{
    private readonly ProviderContext<SmsByOptions> _context;
    private readonly UnknownStatusWords _unknownWords;

    public SmsByViberClient(ProviderContext<SmsByOptions> context)
    {
        _context = context;
        _unknownWords = new UnknownStatusWords(context.Name, context.Logger, context.Transport.Redactor);
        Capabilities = SmsByMessageValidator.CapabilitiesFor(context.Options);
    }

    public string ProviderName => _context.Name;

    public ProviderCapabilities Capabilities { get; }

    private SmsByOptions Options => _context.Options;

    private ProviderTransport Transport => _context.Transport;

    private string Token => Options.Token ?? string.Empty;

    private TimeSpan Offset => Options.ProviderUtcOffset;

    private ScheduleClock Clock => ScheduleClock.For(_context.TimeProvider, Options);

    public void Check(ViberMessage message) => SmsByMessageValidator.Validate(message, Capabilities, Options, ProviderName, clock: Clock);

    public async Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        var plan = SmsByMessageValidator.Validate(message, Capabilities, Options, ProviderName, clock: Clock);
        return plan.Route == SmsByRoute.Quick
            ? await SendBatching.SendAsync(ProviderName, plan.Recipients, 1, Options.MaxConcurrentRequests, (chunk, ct) => SendQuickAsync(message, plan, chunk.Span[0], null, ct), _context.Logger, cancellationToken).ConfigureAwait(false)
            : await SendBatching.SendAsync(ProviderName, plan.Recipients, Options.MaxRecipientsPerBulkRequest, Options.MaxConcurrentRequests, (chunk, ct) => SendBulkChunkAsync(message, plan, chunk, ct), _context.Logger, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var ids = messageIds.ToArray();
        var keys = SmsByRequestMapper.ToSmsByStatusKeys(ids, ProviderName);
        var lookups = new StatusLookups(ids, keys);
        return await StatusBatching.QueryAsync(ProviderName, ids, 1, Options.MaxConcurrentRequests, (slice, ct) => QueryStatusAsync(slice.Span[0], lookups, ct), cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<ViberChat> GetChatsAsync(CancellationToken cancellationToken = default) => ListChatsAsync(cancellationToken);

    public IAsyncEnumerable<ChatMessage> GetMessagesAsync(string chatId, CancellationToken cancellationToken = default)
    {
        if (!SmsByIds.TryParseChat(chatId, out var mailingId, out var phone))
        {
            throw new ViberValidationException([new ValidationError(nameof(chatId), "Format", $"'{chatId}' is not an SMS.by chat id: expected '<mailing id>:<phone>'.")]);
        }

        return ListChatMessagesAsync(mailingId, phone, cancellationToken);
    }

    public Task<SendResult> ReplyAsync(string chatId, string text, CancellationToken cancellationToken = default)
        => SendAsync(ReplyRules.Reply(chatId, text), cancellationToken);

    public async Task<SendResult> SendMailingsAsync(IReadOnlyList<SmsByMailing> mailings, Uri? callbackUrl = null, CancellationToken cancellationToken = default)
    {
        var senders = SmsByMailingValidator.ValidateMailings(mailings, callbackUrl, Options, ProviderName, Clock);
        var (recipients, lists) = SmsByRequestMapper.ToSmsByRecipients(mailings);
        var body = SmsByRequestMapper.ToSmsByBulkRequest(mailings, senders, callbackUrl, Token, Offset);
        return await SendBatching.SendAsync(ProviderName, recipients, recipients.Length, 1, (chunk, ct) => PostBulkAsync(body, chunk, lists, ct), _context.Logger, cancellationToken).ConfigureAwait(false);
    }

    public Task<SmsByBulkStatus> GetBulkStatusAsync(string uuid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        var body = new SmsByBulkStatusRequest { Token = Token, Uuid = uuid };
        var request = Post(SmsByRequestMapper.BulkStatusPath, new PooledJsonContent<SmsByBulkStatusRequest>(body, SmsByJsonContext.Default.SmsByBulkStatusRequest), "bulk-status", idempotent: true, ("uuid", uuid));
        return Transport.CallAsync(request, SmsByJsonContext.Default.ListSmsByBulkStatusItem, items => Observed(SmsByResponseMapper.FromSmsByBulkStatus(items, uuid, ProviderName, Offset)), cancellationToken);
    }

    public async Task<SendResult> SendWithImageFileAsync(ViberMessage message, SmsByImageFile image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var plan = SmsByMessageValidator.Validate(message, Capabilities, Options, ProviderName, image, Clock);
        return await SendBatching.SendAsync(ProviderName, plan.Recipients, 1, 1, (chunk, ct) => SendQuickAsync(message, plan, chunk.Span[0], image, ct), _context.Logger, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChunkResult> SendQuickAsync(ViberMessage message, SmsBySendPlan plan, PhoneNumber recipient, SmsByImageFile? image, CancellationToken cancellationToken)
    {
        var fields = SmsByRequestMapper.ToSmsByQuickFields(message, plan, recipient, Token, image is not null);
        var request = Post(SmsByRequestMapper.SendQuickPath, SmsByRequestMapper.ToSmsByContent(fields, image), "send", idempotent: false);
        try
        {
            return await Transport.CallAsync(request, SmsByJsonContext.Default.SmsByEnvelopeSmsByQuickResult, answer => new ChunkResult([SmsByResponseMapper.FromSmsByQuickResult(answer, ProviderName, recipient, plan.OpensChats)]) { Raw = answer }, cancellationToken).ConfigureAwait(false);
        }
        catch (ViberMessagingException error) when (SmsByErrorMapper.RecipientReason(error) is { } reason)
        {
            return new ChunkResult([SmsByResponseMapper.FromSmsByRejection(recipient, reason, error.ProviderMessage)]);
        }
    }

    private Task<ChunkResult> SendBulkChunkAsync(ViberMessage message, SmsBySendPlan plan, ReadOnlyMemory<PhoneNumber> chunk, CancellationToken cancellationToken)
        => PostBulkAsync(SmsByRequestMapper.ToSmsByBulkRequest(message, plan, chunk.Span, Token, Offset), chunk, lists: null, cancellationToken);

    private async Task<ChunkResult> PostBulkAsync(SmsByBulkRequest body, ReadOnlyMemory<PhoneNumber> chunk, string[]? lists, CancellationToken cancellationToken)
    {
        var (withCallback, correlation) = WithCallbackUrl(body);
        var request = Post(SmsByRequestMapper.SendBulkPath, new PooledJsonContent<SmsByBulkRequest>(withCallback, SmsByJsonContext.Default.SmsByBulkRequest), "send", idempotent: false);
        var sent = await Transport.CallAsync(request, SmsByJsonContext.Default.SmsByBulkResponse, answer => SmsByResponseMapper.FromSmsByBulkResponse(answer, ProviderName, chunk.Span, lists) with { Raw = answer }, cancellationToken).ConfigureAwait(false);
        if (correlation is not null)
        {
            // The message went out whatever happens here: the callback side logs its own problems and never fails the send.
            var ids = sent.Recipients.Where(r => r.MessageId is not null).Select(r => r.MessageId!.Value).ToArray();
            await _context.Callbacks!.CorrelateAsync(ProviderName, correlation, ids, CancellationToken.None).ConfigureAwait(false);
        }

        return await WithRefusedListsAsync(sent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The application's callback URL (<see cref="IViberCallbackAddress"/>) on a request that sets none, with a fresh
    /// correlation token: SMS.by's answer to it does not name the request.
    /// </summary>
    private (SmsByBulkRequest Body, string? Correlation) WithCallbackUrl(SmsByBulkRequest body)
    {
        if (body.CallbackUrl is not null || _context.Callbacks is not { } callbacks)
        {
            return (body, null);
        }

        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        return callbacks.GetCallbackUrl(ProviderName, token) is { } url
            ? (new SmsByBulkRequest { Token = body.Token, Messages = body.Messages, CallbackUrl = SmsByMessageValidator.Link(url) }, token)
            : (body, null);
    }

    /// <summary>
    /// SMS.by answers <c>sendBulkViber</c> before it checks the lists and reports a refused list only in
    /// <c>statusBulkViber</c>: the request's status is read once (paced like any request), so that the recipients of
    /// a refused list are reported not accepted at send time. A recipient missing from a list SMS.by did create stays
    /// accepted here (the list may still be filling; its status will tell). If the read fails or is cancelled, the
    /// send's own answer stands: the message went out, and that is what the caller must learn.
    /// </summary>
    private async Task<ChunkResult> WithRefusedListsAsync(ChunkResult sent, CancellationToken cancellationToken)
    {
        try
        {
            var status = await GetBulkStatusAsync(sent.BatchId!, cancellationToken).ConfigureAwait(false);
            return SmsByResponseMapper.FromSmsByRefusedLists(sent, status);
        }
        catch (ViberMessagingException error)
        {
            Log.FollowUpStatusFailed(_context.Logger, ProviderName, sent.BatchId!, error.ErrorCode);
            return sent;
        }
        catch (OperationCanceledException)
        {
            return sent;
        }
    }

    /// <summary>One id's status: a quick message's own request, or its bulk request's / mailing's answer, fetched once per query.</summary>
    private async Task<IReadOnlyList<DeliveryReport>> QueryStatusAsync(MessageId id, StatusLookups lookups, CancellationToken cancellationToken)
    {
        var key = lookups.Keys[id];
        try
        {
            return key.Kind switch
            {
                SmsByIdKind.Quick => [await Transport.CallAsync(Post(SmsByRequestMapper.DeliveryDataPath, SmsByRequestMapper.ToSmsByForm(SmsByRequestMapper.DeliveryDataPath, Token, ("message_id", key.Key)), "status", idempotent: true), SmsByJsonContext.Default.SmsByEnvelopeSmsByDeliveryData, answer => Observed(SmsByResponseMapper.FromSmsByDeliveryData(answer, id).WithRaw(answer)), cancellationToken).ConfigureAwait(false)],
                SmsByIdKind.Bulk => [await BulkReportAsync(lookups, key, id, cancellationToken).ConfigureAwait(false)],
                _ => SmsByResponseMapper.FromSmsByDeliveryList(await lookups.Mailing(key.Key, mailing => GetMailingDeliveriesAsync(long.Parse(mailing, CultureInfo.InvariantCulture), cancellationToken)).ConfigureAwait(false), key, id) is { } report ? [report] : [],
            };
        }
        catch (ViberMessagingException error) when (SmsByErrorMapper.IsUnknownId(error))
        {
            return [DeliveryReport.Unavailable(id, error)];
        }
    }

    /// <summary>SMS.by keeps no chat list: a chat is a mailing and a phone with unread replies, so listing reads every mailing's replies.</summary>
    private async IAsyncEnumerable<ViberChat> ListChatsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var mailing in ListMailingsAsync(100, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<ChatMessage> incoming;
            try
            {
                incoming = await GetNewIncomingMessagesAsync(mailing.MailingId, cancellationToken).ConfigureAwait(false);
            }
            catch (ViberMessagingException error) when (SmsByErrorMapper.IsUnknownId(error))
            {
                continue;
            }

            foreach (var chat in incoming.Where(m => m.ChatId is not null).GroupBy(m => m.ChatId!, StringComparer.Ordinal))
            {
                yield return new ViberChat { ChatId = chat.Key, Recipient = chat.First().Phone, CreatedAt = mailing.CreatedAt };
            }
        }
    }

    private async IAsyncEnumerable<ChatMessage> ListChatMessagesAsync(long mailingId, PhoneNumber phone, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var message in await GetNewIncomingMessagesAsync(mailingId, cancellationToken).ConfigureAwait(false))
        {
            if (message.Phone == phone)
            {
                yield return message;
            }
        }
    }

    private HttpContent Form(string path, params (string Name, long Value)[] parameters)
        => SmsByRequestMapper.ToSmsByForm(path, Token, parameters.Select(p => (p.Name, p.Value.ToString(CultureInfo.InvariantCulture))).ToArray());

    /// <summary>Every SMS.by request: a POST to the method, with the token in the query string where the document puts it there.</summary>
    private HttpRequestMessage Post(string path, HttpContent content, string operation, bool idempotent, params (string Name, string Value)[] query)
        => ViberRequestOptions.Create(HttpMethod.Post, SmsByRequestMapper.ToSmsByUri(path, Token, query), content, operation, idempotent);

    private T Observed<T>(T reports)
        where T : IEnumerable<DeliveryReport>
    {
        _unknownWords.Observe(reports);
        return reports;
    }

    /// <summary>A bulk recipient's report, from its request's status (read once per query); the status read is its raw answer.</summary>
    private async Task<DeliveryReport> BulkReportAsync(StatusLookups lookups, SmsByIdParts key, MessageId id, CancellationToken cancellationToken)
    {
        var status = await lookups.Bulk(key.Key, uuid => GetBulkStatusAsync(uuid, cancellationToken)).ConfigureAwait(false);
        return SmsByResponseMapper.FromSmsByBulkStatus(status, key, id).WithRaw(status);
    }

    private DeliveryReport Observed(DeliveryReport report)
    {
        _unknownWords.Observe(report);
        return report;
    }

    private SmsByBulkStatus Observed(SmsByBulkStatus status)
    {
        foreach (var mailing in status.Mailings)
        {
            _unknownWords.Observe(mailing.Recipients);
        }

        return status;
    }

    /// <summary>What one status query shares between its ids: their parsed keys, and each bulk request's / mailing's answer, fetched once.</summary>
    private sealed class StatusLookups(MessageId[] ids, SmsByIdParts[] keys)
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<SmsByBulkStatus>>> _bulk = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<DeliveryReport>>>> _mailings = new(StringComparer.Ordinal);

        public Dictionary<MessageId, SmsByIdParts> Keys { get; } = Index(ids, keys);

        public Task<SmsByBulkStatus> Bulk(string uuid, Func<string, Task<SmsByBulkStatus>> fetch)
            => _bulk.GetOrAdd(uuid, key => new Lazy<Task<SmsByBulkStatus>>(() => fetch(key))).Value;

        public Task<IReadOnlyList<DeliveryReport>> Mailing(string mailingId, Func<string, Task<IReadOnlyList<DeliveryReport>>> fetch)
            => _mailings.GetOrAdd(mailingId, key => new Lazy<Task<IReadOnlyList<DeliveryReport>>>(() => fetch(key))).Value;

        private static Dictionary<MessageId, SmsByIdParts> Index(MessageId[] ids, SmsByIdParts[] keys)
        {
            var index = new Dictionary<MessageId, SmsByIdParts>(ids.Length);
            for (var i = 0; i < ids.Length; i++)
            {
                index.TryAdd(ids[i], keys[i]);
            }

            return index;
        }
    }
}
