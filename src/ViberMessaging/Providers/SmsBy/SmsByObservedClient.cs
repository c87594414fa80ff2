using ViberMessaging.Telemetry;

namespace ViberMessaging.SmsBy;

/// <summary>An SMS.by account's <see cref="ISmsByClient"/> with every call traced, measured and, when it fails, logged.</summary>
internal sealed class SmsByObservedClient(ISmsByClient inner, OperationObserver observer, ObservedServices services) : ISmsByClient
{
    private static readonly ViberOperation SendMailings = new("send_mailings");
    private static readonly ViberOperation GetBulkStatus = new("get_bulk_status");
    private static readonly ViberOperation SendWithImageFile = new("send_with_image_file");
    private static readonly ViberOperation PrepareListMailing = new("prepare_list_mailing");
    private static readonly ViberOperation ConfirmMailing = new("confirm_mailing");
    private static readonly ViberOperation GetMailings = new("get_mailings");
    private static readonly ViberOperation GetMailing = new("get_mailing");
    private static readonly ViberOperation GetMailingDeliveries = new("get_mailing_deliveries");
    private static readonly ViberOperation GetNewIncomingMessages = new("get_new_incoming_messages");
    private static readonly ViberOperation MarkIncomingMessagesRead = new("mark_incoming_messages_read");

    public string ProviderName => inner.ProviderName;

    public Task<SendResult> SendMailingsAsync(IReadOnlyList<SmsByMailing> mailings, Uri? callbackUrl = null, CancellationToken cancellationToken = default)
        => observer.RunAsync(SendMailings, (inner, mailings, callbackUrl), static (s, ct) => s.inner.SendMailingsAsync(s.mailings, s.callbackUrl, ct), cancellationToken);

    public Task<SmsByBulkStatus> GetBulkStatusAsync(string uuid, CancellationToken cancellationToken = default)
        => observer.RunAsync(GetBulkStatus, (inner, uuid), static (s, ct) => s.inner.GetBulkStatusAsync(s.uuid, ct), cancellationToken);

    public Task<SendResult> SendWithImageFileAsync(ViberMessage message, SmsByImageFile image, CancellationToken cancellationToken = default)
        => observer.RunAsync(SendWithImageFile, (inner, message, image), static (s, ct) => s.inner.SendWithImageFileAsync(s.message, s.image, ct), cancellationToken, ViberMessagingInstruments.RecipientsTag, message?.Recipients?.Count ?? 0);

    public Task<SmsByPreparedMailing> PrepareListMailingAsync(SmsByListMailing mailing, CancellationToken cancellationToken = default)
        => observer.RunAsync(PrepareListMailing, (inner, mailing), static (s, ct) => s.inner.PrepareListMailingAsync(s.mailing, ct), cancellationToken);

    public Task ConfirmMailingAsync(long mailingId, CancellationToken cancellationToken = default)
        => observer.RunAsync(ConfirmMailing, (inner, mailingId), static async (s, ct) =>
        {
            await s.inner.ConfirmMailingAsync(s.mailingId, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public IAsyncEnumerable<SmsByMailingInfo> GetMailingsAsync(int pageSize = 100, CancellationToken cancellationToken = default)
        => observer.Enumerate(GetMailings, (inner, pageSize), static (s, ct) => s.inner.GetMailingsAsync(s.pageSize, ct), cancellationToken);

    public Task<SmsByMailingInfo> GetMailingAsync(long mailingId, CancellationToken cancellationToken = default)
        => observer.RunAsync(GetMailing, (inner, mailingId), static (s, ct) => s.inner.GetMailingAsync(s.mailingId, ct), cancellationToken);

    public Task<IReadOnlyList<DeliveryReport>> GetMailingDeliveriesAsync(long mailingId, CancellationToken cancellationToken = default)
        => observer.RunAsync(GetMailingDeliveries, (inner, mailingId), static (s, ct) => s.inner.GetMailingDeliveriesAsync(s.mailingId, ct), cancellationToken);

    public Task<IReadOnlyList<ChatMessage>> GetNewIncomingMessagesAsync(long mailingId, CancellationToken cancellationToken = default)
        => observer.RunAsync(GetNewIncomingMessages, (inner, mailingId), static (s, ct) => s.inner.GetNewIncomingMessagesAsync(s.mailingId, ct), cancellationToken);

    public Task<int?> MarkIncomingMessagesReadAsync(IEnumerable<string> incomingMessageIds, CancellationToken cancellationToken = default)
        => observer.RunAsync(MarkIncomingMessagesRead, (inner, incomingMessageIds), static (s, ct) => s.inner.MarkIncomingMessagesReadAsync(s.incomingMessageIds, ct), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => services.GetService(serviceType, serviceKey);
}
