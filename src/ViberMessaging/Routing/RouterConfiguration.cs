using System.Globalization;
using Microsoft.Extensions.Configuration;
using ViberMessaging.DependencyInjection;

namespace ViberMessaging.Routing;

/// <summary>
/// Reads <c>ViberMessaging:Routers:&lt;name&gt;</c> onto <see cref="ViberRouterOptions"/> by hand (three keys, no
/// reflection, trim-safe) and lists what the binder would otherwise ignore: unknown keys and misplaced values.
/// </summary>
internal static class RouterConfiguration
{
    public const string SectionName = "Routers";

    private static readonly string[] Keys = [nameof(ViberRouterOptions.Routes), nameof(ViberRouterOptions.Otherwise), nameof(ViberRouterOptions.FailOverTo)];

    public static void Bind(IConfiguration section, ViberRouterOptions options)
    {
        foreach (var route in section.GetSection(nameof(ViberRouterOptions.Routes)).GetChildren())
        {
            if (route.Value is { Length: > 0 } provider)
            {
                options.Routes[route.Key] = provider;
            }
        }

        if (section[nameof(ViberRouterOptions.Otherwise)] is { Length: > 0 } otherwise)
        {
            options.Otherwise = otherwise;
        }

        var failOver = section.GetSection(nameof(ViberRouterOptions.FailOverTo));
        var names = failOver.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : failOver.GetChildren()
                .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
                .Select(c => c.Value)
                .OfType<string>();
        foreach (var name in names)
        {
            options.FailOverTo.Add(name);
        }
    }

    /// <summary>Every key of the section that nothing reads, by configuration path.</summary>
    public static IEnumerable<string> Check(IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                yield return ConfigurationSchema.Unknown(child.Path, child.Key, Keys);
            }
        }

        foreach (var route in section.GetSection(nameof(ViberRouterOptions.Routes)).GetChildren())
        {
            if (route.GetChildren().Any())
            {
                yield return $"{route.Path} is a section; a route is a value: the provider's name.";
            }
        }

        if (section.GetSection(nameof(ViberRouterOptions.Otherwise)).GetChildren().Any())
        {
            yield return $"{section.Path}:{nameof(ViberRouterOptions.Otherwise)} is a section; it is a value: the provider's name.";
        }
    }
}
