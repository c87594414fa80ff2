namespace ViberMessaging.SmsBy;

/// <summary>A mailing created by <see cref="ISmsByClient.PrepareListMailingAsync"/>: not sent and not paid until confirmed.</summary>
/// <param name="MailingId">The mailing's id, to pass to <see cref="ISmsByClient.ConfirmMailingAsync"/>.</param>
/// <param name="SubscriberCount">How many subscribers it will reach, as SMS.by counted them (0 when it did not say).</param>
public sealed record SmsByPreparedMailing(long MailingId, int SubscriberCount);
