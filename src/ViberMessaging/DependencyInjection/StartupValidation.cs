using Microsoft.Extensions.Options;
using ViberMessaging.Providers;
using ViberMessaging.Routing;

namespace ViberMessaging.DependencyInjection;

/// <summary>
/// The one check that runs at start-up (<c>ValidateOnStart</c>) for all of ViberMessaging, so a host fails with a
/// single <see cref="OptionsValidationException"/> that lists every problem by configuration path: unknown keys in the
/// <c>ViberMessaging</c> section, a <c>DefaultProvider</c> that names no registration, and every provider's unknown
/// keys, unconvertible values and invalid options.
/// </summary>
internal sealed class StartupValidation
{
}

/// <summary>Validates <see cref="StartupValidation"/>: see there.</summary>
internal sealed class StartupValidator(IServiceProvider services, ProviderRegistry registry, IOptions<ViberMessagingOptions> options)
    : IValidateOptions<StartupValidation>
{
    public ValidateOptionsResult Validate(string? name, StartupValidation value)
    {
        var problems = new List<string>();
        if (registry.Section is { } section)
        {
            var known = registry.Names.Append(nameof(ViberMessagingOptions.DefaultProvider)).Append(RouterConfiguration.SectionName).ToArray();
            foreach (var child in section.GetChildren())
            {
                // A section for one of the SDK's providers that this app does not register is another app's (or
                // sample's) configuration sharing the source, not a typo.
                if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase) && ProviderManifest.Find(child.Key) is null)
                {
                    problems.Add(ConfigurationSchema.Unknown(child.Path, child.Key, known));
                }
            }

            var routers = registry.Routers.Select(r => r.Name).ToArray();
            foreach (var child in section.GetSection(RouterConfiguration.SectionName).GetChildren())
            {
                if (registry.FindRouter(child.Key) is null)
                {
                    problems.Add($"{child.Path} configures a router that is not registered (registered: {(routers.Length > 0 ? string.Join(", ", routers) : "none")}){(ConfigurationSchema.DidYouMean(child.Key, routers) is { Length: > 0 } hint ? hint : "; add it with AddRouter(\"" + child.Key + "\").")}");
                }
            }
        }

        if (registry.CheckDefault(options.Value.DefaultProvider) is { } defaultProblem)
        {
            problems.Add(defaultProblem);
        }

        foreach (var provider in registry.Providers)
        {
            problems.AddRange(provider.Problems(services));
        }

        foreach (var router in registry.Routers)
        {
            problems.AddRange(router.Problems(services));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
