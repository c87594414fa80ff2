namespace ViberMessaging;

/// <summary>
/// The default registration names of the supported providers: the keys of their keyed <see cref="IViberSender"/>
/// and <see cref="IStatusQuery"/> services, their configuration section names, and the provider part of their
/// <see cref="MessageId"/>s.
/// </summary>
public static class ViberProviders
{
    /// <summary>
    /// Every supported provider's name, in the order the documentation lists them: for code that offers a choice of
    /// provider (a command-line option, a configuration check) or registers one by name with
    /// <c>AddProvider(name)</c>, so that it needs no change when a provider is added.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = [.. ViberMessaging.Providers.ProviderManifest.All.Select(p => p.Name)];

    /// <summary>SMS Club (Ukraine), <c>https://im.smsclub.mobi</c>.</summary>
    public const string SmsClub = "SmsClub";

    /// <summary>Devino Telecom, <c>https://viber.devinotele.com:444</c>.</summary>
    public const string Devino = "Devino";

    /// <summary>DecisionTelecom, <c>https://web.it-decision.com</c>.</summary>
    public const string DecisionTelecom = "DecisionTelecom";

    /// <summary>SMS.by (Belarus), <c>https://app.sms.by</c>.</summary>
    public const string SmsBy = "SmsBy";
}
