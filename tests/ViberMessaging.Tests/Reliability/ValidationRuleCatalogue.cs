using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.Tests.Reliability;

/// <summary>One documented rule of a provider and a call that breaks it (and only it, where the rules allow).</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Rule">The rule in the words of the provider's document (or docs/providers/&lt;P&gt;.md).</param>
/// <param name="Call">The call that breaks it, against the registered account.</param>
/// <param name="Expected">Every (field, rule) the SDK must name.</param>
internal sealed record RuleCase(string Provider, string Rule, Func<IServiceProvider, Task> Call, params (string Field, string Rule)[] Expected)
{
    public override string ToString() => $"{Provider}: {Rule}";
}

/// <summary>
/// Every rule of each provider's document that the SDK checks before sending: lengths, ranges, fields that go
/// together, content combinations, recipients, ids and phone formats. Each must be rejected before any request with a
/// <see cref="ViberValidationException"/> naming it. The rules of one provider live in its test folder
/// (<c>Providers/&lt;Provider&gt;/&lt;Provider&gt;ValidationRules.cs</c>); the helpers here build them.
/// </summary>
internal static class ValidationRuleCatalogue
{
    public static readonly Uri Image = new("https://img.example/promo.jpg");
    public static readonly ViberButton Button = new("Buy", new Uri("https://shop.example/sale"));

    /// <summary>Each provider's shared rules followed by its own (<see cref="ProviderCase.DocumentedRules"/>), in manifest order.</summary>
    public static IReadOnlyList<RuleCase> All { get; } = [.. ReliabilityProviders.All.SelectMany(p => Shared(p).Concat(p.DocumentedRules()))];

    /// <summary>Rules every provider shares (the neutral model's), checked for each.</summary>
    private static IEnumerable<RuleCase> Shared(ProviderCase p)
    {
        yield return Send(p, "sender is required", Msg(p, sender: null), ("Sender", "Required"));
        yield return Send(p, "at least one recipient", Msg(p, to: []), ("Recipients", "Required"));
        yield return Send(p, "a recipient may not be null", Msg(p, to: [p.Recipient, null!]), ("Recipients[1]", "Required"));
        yield return Send(p, "each recipient once per message", Msg(p, to: [p.Recipient, p.Recipient]), ("Recipients[1]", "Unique"));
        yield return Send(p, "text is required", Msg(p, text: null), ("Text", "Required"));
        yield return Send(p, "text at most 1000 characters", Msg(p, text: new string('x', 1001)), ("Text", "MaxLength"));
        yield return Send(p, "button caption is required", Msg(p, image: Image, button: new ViberButton(" ", Button.Url)), ("Button.Caption", "Required"));
        yield return Send(p, "button URL is required", Msg(p, image: Image, button: new ViberButton("Buy", null!)), ("Button.Url", "Required"));
        yield return Send(p, "button URL absolute http(s)", Msg(p, image: Image, button: new ViberButton("Buy", new Uri("ftp://shop.example/"))), ("Button.Url", "AbsoluteHttpUrl"));
    }

    public static RuleCase Send(ProviderCase p, string rule, ViberMessage message, params (string, string)[] expected)
        => new(p.Name, rule, sp => sp.GetRequiredKeyedService<IViberSender>(p.Name).SendAsync(message), expected);

    public static RuleCase Status(ProviderCase p, string rule, MessageId[] ids, params (string, string)[] expected)
        => new(p.Name, rule, sp => sp.GetRequiredKeyedService<IStatusQuery>(p.Name).GetStatusesAsync(ids), expected);

    public static RuleCase Status(ProviderCase p, string rule, string[] ids, params (string, string)[] expected)
        => Status(p, rule, [.. ids.Select(MessageId.Parse)], expected);

    public static RuleCase Call(ProviderCase p, string rule, Func<IServiceProvider, Task> call, params (string, string)[] expected)
        => new(p.Name, rule, call, expected);

    public static ViberMessage Msg(
        ProviderCase p,
        string? sender = "MyShop",
        PhoneNumber[]? to = null,
        string? text = "Hello",
        Uri? image = null,
        ViberButton? button = null,
        TimeSpan? ttl = null,
        SmsFallback? sms = null,
        MessageSchedule? schedule = null,
        TwoWayOptions? twoWay = null,
        Uri? callback = null,
        MessageKind? kind = null) => new()
        {
            Sender = sender,
            Recipients = to ?? [p.Recipient],
            Text = text,
            ImageUrl = image,
            Button = button,
            TimeToLive = ttl,
            SmsFallback = sms,
            Schedule = schedule,
            TwoWay = twoWay,
            CallbackUrl = callback,
            Kind = kind,
        };
}
