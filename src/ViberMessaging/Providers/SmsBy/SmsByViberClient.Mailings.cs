using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ViberMessaging.SmsBy;

/// <summary>SMS.by's own API beyond the neutral interfaces (ISmsByClient): list mailings, their deliveries and incoming messages.</summary>
internal sealed partial class SmsByViberClient
{
    public Task<SmsByPreparedMailing> PrepareListMailingAsync(SmsByListMailing mailing, CancellationToken cancellationToken = default)
    {
        var sender = SmsByMailingValidator.ValidateListMailing(mailing, Options, ProviderName, Clock);
        var fields = SmsByRequestMapper.ToSmsByListFields(mailing, sender, Token, Offset);
        var request = Post(SmsByRequestMapper.SendListPath, SmsByRequestMapper.ToSmsByContent(fields, mailing.ImageFile), "prepare", idempotent: false);
        return Transport.CallAsync(request, SmsByJsonContext.Default.SmsByEnvelopeSmsByListResult, SmsByResponseMapper.FromSmsByListResult, cancellationToken);
    }

    public Task ConfirmMailingAsync(long mailingId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mailingId);
        var request = Post(SmsByRequestMapper.ConfirmPath, Form(SmsByRequestMapper.ConfirmPath, ("message_id", mailingId)), "confirm", idempotent: false);
        return Transport.CallAsync(request, SmsByJsonContext.Default.SmsByTextEnvelope, static answer => answer, cancellationToken);
    }

    public IAsyncEnumerable<SmsByMailingInfo> GetMailingsAsync(int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        return ListMailingsAsync(pageSize, cancellationToken);
    }

    public Task<SmsByMailingInfo> GetMailingAsync(long mailingId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mailingId);
        var request = Post(SmsByRequestMapper.MessageDataPath, Form(SmsByRequestMapper.MessageDataPath, ("message_id", mailingId)), "mailing", idempotent: true);
        return Transport.CallAsync(request, SmsByJsonContext.Default.SmsByEnvelopeSmsByMailingData, answer => SmsByResponseMapper.FromSmsByMailing(answer.Result ?? throw new JsonException("The answer has no result."), Offset), cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryReport>> GetMailingDeliveriesAsync(long mailingId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mailingId);
        var request = Post(SmsByRequestMapper.DeliveryListPath, Form(SmsByRequestMapper.DeliveryListPath, ("message_id", mailingId)), "deliveries", idempotent: true);
        return Transport.CallAsync(request, SmsByJsonContext.Default.SmsByDeliveriesEnvelope, answer => Observed(DeliveryReport.WithRaw(SmsByResponseMapper.FromSmsByDeliveryList(answer, mailingId, ProviderName), answer)), cancellationToken);
    }

    public Task<IReadOnlyList<ChatMessage>> GetNewIncomingMessagesAsync(long mailingId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mailingId);
        var request = Post(SmsByRequestMapper.IncomingPath, Form(SmsByRequestMapper.IncomingPath, ("message_id", mailingId)), "incoming", idempotent: true);
        return Transport.CallAsync(request, SmsByJsonContext.Default.SmsByIncomingEnvelope, answer => SmsByResponseMapper.FromSmsByIncoming(answer, mailingId, ProviderName, Offset), cancellationToken);
    }

    public Task<int?> MarkIncomingMessagesReadAsync(IEnumerable<string> incomingMessageIds, CancellationToken cancellationToken = default)
    {
        var ids = SmsByMailingValidator.ValidateIncomingIds(incomingMessageIds);
        var request = Post(SmsByRequestMapper.ReadIncomingPath, SmsByRequestMapper.ToSmsByForm(SmsByRequestMapper.ReadIncomingPath, Token, ("incoming_messages", string.Join(',', ids))), "mark-read", idempotent: true);
        return Transport.CallAsync(request, SmsByJsonContext.Default.SmsByTextEnvelope, static answer => SmsByResponseMapper.FromSmsByMarkedCount(answer.Result), cancellationToken);
    }

    private async IAsyncEnumerable<SmsByMailingInfo> ListMailingsAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? previousFirst = null;
        for (var offset = 0L; ; offset += pageSize)
        {
            var request = Post(SmsByRequestMapper.MessagesPath, Form(SmsByRequestMapper.MessagesPath, ("limit_offset", offset), ("limit_rows", pageSize)), "mailings", idempotent: true);
            var page = await Transport.CallAsync(request, SmsByJsonContext.Default.SmsByMailingsEnvelope, answer => (answer.Result ?? []).Where(m => m is not null).Select(m => SmsByResponseMapper.FromSmsByMailing(m, Offset)).ToArray(), cancellationToken).ConfigureAwait(false);
            if (page.Length > 0 && page[0].MailingId == previousFirst)
            {
                yield break; // A server that ignores the offset answers the same page again: stop rather than loop forever.
            }

            foreach (var mailing in page)
            {
                yield return mailing;
            }

            if (page.Length < pageSize)
            {
                yield break;
            }

            previousFirst = page.Length > 0 ? page[0].MailingId : null;
        }
    }
}
