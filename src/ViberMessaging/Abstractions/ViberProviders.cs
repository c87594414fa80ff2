namespace ViberMessaging;

/// <summary>
/// The default registration names of the supported providers: the keys of their keyed <see cref="IViberSender"/>
/// and <see cref="IStatusQuery"/> services, their configuration section names, and the provider part of their
/// <see cref="MessageId"/>s.
/// </summary>
public static class ViberProviders
{
    /// <summary>SMS Club (Ukraine), <c>https://im.smsclub.mobi</c>.</summary>
    public const string SmsClub = "SmsClub";

    /// <summary>Devino Telecom, <c>https://viber.devinotele.com:444</c>.</summary>
    public const string Devino = "Devino";

    /// <summary>DecisionTelecom, <c>https://web.it-decision.com</c>.</summary>
    public const string DecisionTelecom = "DecisionTelecom";

    /// <summary>SMS.by (Belarus), <c>https://app.sms.by</c>.</summary>
    public const string SmsBy = "SmsBy";
}
