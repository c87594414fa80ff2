using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Tests.Reliability;

/// <summary>One provider as the reliability suite drives it: how to register it, a valid one-recipient message, and its paths.</summary>
/// <param name="Name">The registration name (<see cref="ViberProviders"/>).</param>
/// <param name="SendPath">Text in the path of its send requests (for <c>InjectFault</c>'s <c>pathContains</c>).</param>
/// <param name="StatusPath">Text in the path of its status requests.</param>
/// <param name="Phone">A recipient its emulator accepts.</param>
/// <param name="AddTo">Registers the provider with the options tweak applied last.</param>
internal sealed record ProviderCase(
    string Name,
    string SendPath,
    string StatusPath,
    string Phone,
    Func<IViberMessagingBuilder, Action<ViberProviderOptions>, IViberMessagingBuilder> AddTo)
{
    public PhoneNumber Recipient => PhoneNumber.Parse(Phone);

    /// <summary>A valid text message to the one recipient; distinct texts keep the emulator's duplicate count meaningful.</summary>
    public ViberMessage Message(string text) => new() { Sender = "MyShop", Recipients = [Recipient], Text = text };

    public override string ToString() => Name;
}

internal static class ReliabilityProviders
{
    public static readonly ProviderCase SmsClub = new(
        ViberProviders.SmsClub, "vibers/send", "vibers/status", "380989361121", static (b, tweak) => b.AddSmsClub(o => tweak(o)));

    public static readonly ProviderCase Devino = new(
        ViberProviders.Devino, "/send", "/status", "79250000001", static (b, tweak) => b.AddDevino(o => tweak(o)));

    public static readonly ProviderCase DecisionTelecom = new(
        ViberProviders.DecisionTelecom, "send-viber", "receive-viber", "380504444444", static (b, tweak) => b.AddDecisionTelecom(o => tweak(o)));

    public static readonly ProviderCase SmsBy = new(
        ViberProviders.SmsBy, "sendQuickViberMessage", "getViberDeliveryData", "375291234567", static (b, tweak) => b.AddSmsBy(o =>
        {
            o.ViberSenders["MyShop"] = 101;
            tweak(o);
        }));

    public static IReadOnlyList<ProviderCase> All { get; } = [SmsClub, Devino, DecisionTelecom, SmsBy];

    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    public static ProviderCase Get(string name) => All.Single(p => p.Name == name);

    /// <summary>Registers every provider with the same options tweak.</summary>
    public static void AddAll(IViberMessagingBuilder builder, Action<ViberProviderOptions> tweak)
    {
        foreach (var provider in All)
        {
            provider.AddTo(builder, tweak);
        }
    }
}
