namespace ViberMessaging.SmsBy;

/// <summary>
/// What SMS.by offers beyond <see cref="IViberSender"/>, <see cref="IStatusQuery"/> and <see cref="IViberChats"/>:
/// several mailing lists (bulk and personalised) in one request, two-step mailings to a stored subscriber list
/// (prepare free of charge, then confirm and pay), the account's mailings with their cost, a mailing's recipients,
/// its unread replies, and marking replies read.
/// </summary>
/// <remarks>
/// <para>
/// Resolve it keyed by the registration name (<c>GetRequiredKeyedService&lt;ISmsByClient&gt;("SmsBy")</c>), unkeyed
/// for the first SMS.by account registered, or from any of the account's services with
/// <c>sender.GetService&lt;ISmsByClient&gt;()</c>.
/// </para>
/// <para>
/// Implementations are thread-safe. Reads are retried through transient faults. The calls that cost money or create
/// something (<see cref="SendMailingsAsync"/>, <see cref="SendWithImageFileAsync"/>,
/// <see cref="PrepareListMailingAsync"/>, <see cref="ConfirmMailingAsync"/>) are never sent twice: when the outcome
/// is unknown they fail with <see cref="ViberErrorCode.OutcomeUnknown"/>.
/// </para>
/// </remarks>
public interface ISmsByClient : IViberProviderService
{
    /// <summary>
    /// Sends several mailing lists in one <c>sendBulkViber</c> request: <see cref="SmsByBulkMailing"/>s (one content to
    /// many phones) and <see cref="SmsByPersonalMailing"/>s (a text per phone), each with its own sender and schedule.
    /// The request is paid and is not split.
    /// </summary>
    /// <param name="mailings">The mailing lists; their names must be unique within the request.</param>
    /// <param name="callbackUrl">Where SMS.by posts the outcome of the request, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for a permit or the response.</param>
    /// <returns>
    /// One result per recipient, mailing by mailing in order; <see cref="SendResult.BatchIds"/> holds the request's
    /// uuid. Each <see cref="RecipientResult.MessageId"/> (<c>bulk:&lt;uuid&gt;:&lt;phone&gt;:&lt;mailing name&gt;</c>) works
    /// with <see cref="IStatusQuery"/>. SMS.by checks the lists' content after answering and reports a list it refuses
    /// only in <c>statusBulkViber</c>: the request's status is read once right after the send (paced like any
    /// request), and the recipients of a refused list are <see cref="RecipientStatus.Rejected"/> with SMS.by's reason
    /// in <see cref="RecipientResult.ProviderCode"/>. If that read fails, the recipients stay accepted and their
    /// statuses tell.
    /// </returns>
    /// <exception cref="ViberValidationException">A mailing breaks SMS.by's rules; nothing was sent.</exception>
    /// <exception cref="ViberMessagingException">The request failed; see <see cref="ViberMessagingException.Outcome"/>.</exception>
    Task<SendResult> SendMailingsAsync(IReadOnlyList<SmsByMailing> mailings, Uri? callbackUrl = null, CancellationToken cancellationToken = default);

    /// <summary>Reads what became of a <c>sendBulkViber</c> request (<c>statusBulkViber</c>): its mailing lists, their recipients' statuses and the lists SMS.by refused.</summary>
    /// <param name="uuid">The request's uuid (<see cref="SendResult.BatchIds"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The request's mailings and errors.</returns>
    /// <exception cref="ViberMessagingException">The request is unknown (<see cref="ViberErrorCode.NotFound"/>) or the provider could not be queried.</exception>
    Task<SmsByBulkStatus> GetBulkStatusAsync(string uuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a quick message (<c>sendQuickViberMessage</c>) with an uploaded image instead of an image URL. The
    /// message has exactly one recipient and no <see cref="ViberMessage.ImageUrl"/>; it may carry text and a button
    /// (then it is a button message with the image) or be the image alone, and may be forwarded as SMS.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="image">The image to upload.</param>
    /// <param name="cancellationToken">Cancels waiting for a permit or the response.</param>
    /// <returns>The outcome for the recipient; its id is <c>quick:&lt;message_id&gt;</c>.</returns>
    /// <exception cref="ViberValidationException">The message breaks SMS.by's rules; nothing was sent.</exception>
    /// <exception cref="ViberMessagingException">The request failed; see <see cref="ViberMessagingException.Outcome"/>.</exception>
    Task<SendResult> SendWithImageFileAsync(ViberMessage message, SmsByImageFile image, CancellationToken cancellationToken = default);

    /// <summary>
    /// Step 1 of 2: creates a mailing to a subscriber list stored at SMS.by (<c>sendViberMessageList</c>). <b>Nothing
    /// is sent and no money is debited</b> until <see cref="ConfirmMailingAsync"/>.
    /// </summary>
    /// <param name="mailing">The mailing.</param>
    /// <param name="cancellationToken">Cancels waiting for a permit or the response.</param>
    /// <returns>The prepared mailing's id and how many subscribers it will reach.</returns>
    /// <exception cref="ViberValidationException">The mailing breaks SMS.by's rules; nothing was created.</exception>
    /// <exception cref="ViberMessagingException">The request failed.</exception>
    Task<SmsByPreparedMailing> PrepareListMailingAsync(SmsByListMailing mailing, CancellationToken cancellationToken = default);

    /// <summary>
    /// Step 2 of 2: confirms a prepared mailing (<c>confirmViberMessage</c>). <b>Money is debited from your balance</b>
    /// and the mailing goes out (at its scheduled time, if it has one). Never retried once written.
    /// </summary>
    /// <param name="mailingId">The id from <see cref="PrepareListMailingAsync"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for a permit or the response.</param>
    /// <returns>A task that completes when SMS.by accepted the confirmation.</returns>
    /// <exception cref="ViberMessagingException">SMS.by refused (an unknown or already confirmed mailing) or the request failed.</exception>
    Task ConfirmMailingAsync(long mailingId, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's Viber mailings (<c>getViberMessages</c>), fetching pages as you enumerate.</summary>
    /// <param name="pageSize">How many mailings one request fetches (<c>limit_rows</c>), 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The mailings, in SMS.by's order.</returns>
    IAsyncEnumerable<SmsByMailingInfo> GetMailingsAsync(int pageSize = 100, CancellationToken cancellationToken = default);

    /// <summary>Reads one mailing (<c>getViberMessageData</c>), with its cost.</summary>
    /// <param name="mailingId">The mailing (a quick message's id is a mailing id too).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The mailing.</returns>
    /// <exception cref="ViberMessagingException">The mailing is unknown (<see cref="ViberErrorCode.NotFound"/>) or the provider could not be queried.</exception>
    Task<SmsByMailingInfo> GetMailingAsync(long mailingId, CancellationToken cancellationToken = default);

    /// <summary>Reads a mailing's recipients and their statuses (<c>getViberDeliveryList</c>).</summary>
    /// <param name="mailingId">The mailing.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>
    /// One report per recipient; each <see cref="DeliveryReport.MessageId"/> (<c>mailing:&lt;id&gt;:&lt;phone&gt;</c>) can
    /// be polled later with <see cref="IStatusQuery"/>.
    /// </returns>
    /// <exception cref="ViberMessagingException">The mailing is unknown (<see cref="ViberErrorCode.NotFound"/>) or the provider could not be queried.</exception>
    Task<IReadOnlyList<DeliveryReport>> GetMailingDeliveriesAsync(long mailingId, CancellationToken cancellationToken = default);

    /// <summary>Reads a mailing's replies not yet marked read (<c>getNewIncomingMessages</c>). Reading does not mark them.</summary>
    /// <param name="mailingId">The mailing.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The replies; <see cref="ChatMessage.ProviderMessageId"/> is the id to mark read, <see cref="ChatMessage.ChatId"/> is <c>&lt;mailing id&gt;:&lt;phone&gt;</c>.</returns>
    /// <exception cref="ViberMessagingException">The mailing is unknown (<see cref="ViberErrorCode.NotFound"/>) or the provider could not be queried.</exception>
    Task<IReadOnlyList<ChatMessage>> GetNewIncomingMessagesAsync(long mailingId, CancellationToken cancellationToken = default);

    /// <summary>Marks replies read (<c>readResponseStatus</c>), so they no longer come back from <see cref="GetNewIncomingMessagesAsync"/>.</summary>
    /// <param name="incomingMessageIds">The replies' <see cref="ChatMessage.ProviderMessageId"/>s.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many replies SMS.by marked, as it reported in words, or <see langword="null"/> when its answer held no number.</returns>
    /// <exception cref="ViberValidationException">No id was given, or an id is empty or contains a comma.</exception>
    /// <exception cref="ViberMessagingException">The request failed.</exception>
    Task<int?> MarkIncomingMessagesReadAsync(IEnumerable<string> incomingMessageIds, CancellationToken cancellationToken = default);
}
