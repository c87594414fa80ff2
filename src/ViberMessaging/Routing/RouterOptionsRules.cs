using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ViberMessaging.DependencyInjection;

namespace ViberMessaging.Routing;

/// <summary>
/// Every problem of a router's options, by configuration path, reported at once: unknown keys, prefixes that are not
/// digits, providers that are not registered (with the closest registered name), a router with nowhere to send.
/// </summary>
internal sealed class RouterOptionsRules(ProviderRegistry registry) : IValidateOptions<ViberRouterOptions>
{
    public ValidateOptionsResult Validate(string? name, ViberRouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = $"{registry.Section?.Path ?? ViberMessagingOptions.DefaultSectionName}:{RouterConfiguration.SectionName}:{name}";
        var problems = new List<string>();
        if (registry.Section?.GetSection(RouterConfiguration.SectionName).GetSection(name ?? string.Empty) is { } section && section.Exists())
        {
            problems.AddRange(RouterConfiguration.Check(section));
        }

        if (options.Routes.Count == 0 && options.Otherwise is null)
        {
            problems.Add($"{path} has nowhere to send: set {nameof(ViberRouterOptions.Routes)}:<prefix> or {nameof(ViberRouterOptions.Otherwise)}.");
        }

        foreach (var (prefix, provider) in options.Routes)
        {
            if (RouterTable.NormalizePrefix(prefix) is null)
            {
                problems.Add($"{path}:{nameof(ViberRouterOptions.Routes)}:{prefix} is not a prefix: 1 to {PhoneNumber.MaxDigits} digits of the international number, such as 380 or 7.");
            }

            CheckProvider($"{path}:{nameof(ViberRouterOptions.Routes)}:{prefix}", provider, problems);
        }

        if (options.Otherwise is { } otherwise)
        {
            CheckProvider($"{path}:{nameof(ViberRouterOptions.Otherwise)}", otherwise, problems);
        }

        for (var i = 0; i < options.FailOverTo.Count; i++)
        {
            CheckProvider($"{path}:{nameof(ViberRouterOptions.FailOverTo)}:{i}", options.FailOverTo[i], problems);
        }

        foreach (var (prefix, providers) in options.RouteFailOverTo)
        {
            if (!options.Routes.ContainsKey(prefix))
            {
                problems.Add($"{path}:{nameof(ViberRouterOptions.RouteFailOverTo)}:{prefix} names no route: {nameof(ViberRouterOptions.Routes)} has no prefix '{prefix}' (routes: {string.Join(", ", options.Routes.Keys)}).");
            }

            for (var i = 0; i < providers.Count; i++)
            {
                CheckProvider($"{path}:{nameof(ViberRouterOptions.RouteFailOverTo)}:{prefix}:{i}", providers[i], problems);
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void CheckProvider(string path, string? provider, List<string> problems)
    {
        if (registry.Find(provider) is null)
        {
            var hint = ConfigurationSchema.DidYouMean(provider ?? string.Empty, registry.Names);
            problems.Add($"{path} is '{provider}', but no provider with that name is registered (registered: {string.Join(", ", registry.Names)}){(hint.Length > 0 ? hint : ".")}");
        }
    }
}
