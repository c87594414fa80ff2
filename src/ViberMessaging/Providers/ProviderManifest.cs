using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Devino;
using ViberMessaging.SmsBy;
using ViberMessaging.SmsClub;

namespace ViberMessaging.Providers;

/// <summary>
/// The supported providers, one entry each. A provider is its folder(s) plus its entry here: nothing else in the SDK,
/// its emulator, its tests or its samples lists providers (the convention tests check that every entry has its
/// folder shape, an emulator module and a reliability case).
/// </summary>
internal static class ProviderManifest
{
    /// <summary>Every provider, in the order the documentation lists them.</summary>
    public static IReadOnlyList<ProviderDescriptor> All { get; } =
    [
        ProviderDescriptor.Create<SmsClubOptions>(ViberProviders.SmsClub, ["Token", "Login", "Password"], SmsClubMessageValidator.CapabilitiesFor, static (b, n, c) => b.AddSmsClub(n, c)),
        ProviderDescriptor.Create<DevinoOptions>(ViberProviders.Devino, ["Login", "Password"], DevinoMessageValidator.CapabilitiesFor, static (b, n, c) => b.AddDevino(n, c)),
        ProviderDescriptor.Create<DecisionTelecomOptions>(ViberProviders.DecisionTelecom, ["ApiKey"], DecisionTelecomMessageValidator.CapabilitiesFor, static (b, n, c) => b.AddDecisionTelecom(n, c))
            with { Callbacks = new() { PerRequest = false, Parse = static (body, account, _, _) => DecisionTelecomCallbacks.IsReply(body) ? new(DecisionTelecomCallbacks.ParseReply(body, account)) : new([DecisionTelecomCallbacks.ParseStatus(body, account)]) } },
        ProviderDescriptor.Create<SmsByOptions>(ViberProviders.SmsBy, ["Token"], SmsByMessageValidator.CapabilitiesFor, static (b, n, c) => b.AddSmsBy(n, c))
            with { Callbacks = new() { PerRequest = true, Parse = static (body, _, options, ids) => new(SmsByCallbacks.ParseBulkStatus(body, ids, ((SmsByOptions)options).ProviderUtcOffset)) } },
    ];

    /// <summary>The provider with this default name (case-insensitive), or <see langword="null"/>.</summary>
    public static ProviderDescriptor? Find(string? name)
        => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
