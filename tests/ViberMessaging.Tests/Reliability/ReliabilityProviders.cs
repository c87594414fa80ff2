using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.Devino;
using ViberMessaging.SmsBy;
using ViberMessaging.SmsClub;

namespace ViberMessaging.Tests.Reliability;

/// <summary>One provider as the reliability suite drives it: how to register it, a valid one-recipient message, and its paths.</summary>
/// <param name="Name">The registration name (<see cref="ViberProviders"/>).</param>
/// <param name="SendPath">Text in the path of its send requests (for <c>InjectFault</c>'s <c>pathContains</c>).</param>
/// <param name="StatusPath">Text in the path of its status requests.</param>
/// <param name="Phone">A recipient its emulator accepts.</param>
/// <param name="AddNamed">Registers an account of the provider under a name, with the options tweak applied last.</param>
/// <param name="PointAt">Points the named account at a base address after every other configuration (an emulator of its own).</param>
internal sealed record ProviderCase(
    string Name,
    string SendPath,
    string StatusPath,
    string Phone,
    Func<IViberMessagingBuilder, string, Action<ViberProviderOptions>, IViberMessagingBuilder> AddNamed,
    Action<IServiceCollection, string, Uri> PointAt)
{
    public PhoneNumber Recipient => PhoneNumber.Parse(Phone);

    /// <summary>Registers the account under the provider's default name.</summary>
    public IViberMessagingBuilder AddTo(IViberMessagingBuilder builder, Action<ViberProviderOptions> tweak) => AddNamed(builder, Name, tweak);

    /// <summary>A valid text message to the one recipient; distinct texts keep the emulator's duplicate count meaningful.</summary>
    public ViberMessage Message(string text) => new() { Sender = "MyShop", Recipients = [Recipient], Text = text };

    public override string ToString() => Name;
}

internal static class ReliabilityProviders
{
    public static readonly ProviderCase SmsClub = new(
        ViberProviders.SmsClub,
        "vibers/send",
        "vibers/status",
        "380989361121",
        static (b, name, tweak) => b.AddSmsClub(name, o => tweak(o)),
        static (services, name, address) => services.PostConfigure<SmsClubOptions>(name, o => o.BaseAddress = address));

    public static readonly ProviderCase Devino = new(
        ViberProviders.Devino,
        "/send",
        "/status",
        "79250000001",
        static (b, name, tweak) => b.AddDevino(name, o => tweak(o)),
        static (services, name, address) => services.PostConfigure<DevinoOptions>(name, o => o.BaseAddress = address));

    public static readonly ProviderCase DecisionTelecom = new(
        ViberProviders.DecisionTelecom,
        "send-viber",
        "receive-viber",
        "380504444444",
        static (b, name, tweak) => b.AddDecisionTelecom(name, o => tweak(o)),
        static (services, name, address) => services.PostConfigure<DecisionTelecomOptions>(name, o => o.BaseAddress = address));

    public static readonly ProviderCase SmsBy = new(
        ViberProviders.SmsBy,
        "sendQuickViberMessage",
        "getViberDeliveryData",
        "375291234567",
        static (b, name, tweak) => b.AddSmsBy(name, o =>
        {
            o.ViberSenders["MyShop"] = 101;
            tweak(o);
        }),
        static (services, name, address) => services.PostConfigure<SmsByOptions>(name, o => o.BaseAddress = address));

    public static IReadOnlyList<ProviderCase> All { get; } = [SmsClub, Devino, DecisionTelecom, SmsBy];

    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    /// <summary>Every provider with both values of a flag (a send or a read, seconds or a date, …).</summary>
    public static TheoryData<string, bool> NamesWithBoth
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var provider in All)
            {
                data.Add(provider.Name, true);
                data.Add(provider.Name, false);
            }

            return data;
        }
    }

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
