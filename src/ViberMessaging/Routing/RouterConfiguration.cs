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

    private static readonly string[] Keys = [nameof(ViberRouterOptions.Routes), nameof(ViberRouterOptions.Otherwise), nameof(ViberRouterOptions.FailOverTo), nameof(ViberRouterOptions.RouteFailOverTo)];

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

        foreach (var name in Names(section.GetSection(nameof(ViberRouterOptions.FailOverTo))))
        {
            options.FailOverTo.Add(name);
        }

        foreach (var route in section.GetSection(nameof(ViberRouterOptions.RouteFailOverTo)).GetChildren())
        {
            options.RouteFailOverTo[route.Key] = Names(route).ToList();
        }
    }

    /// <summary>A list of provider names: a comma-separated value, or an array (<c>:0</c>, <c>:1</c>, …).</summary>
    private static IEnumerable<string> Names(IConfigurationSection list)
        => list.Value is { Length: > 0 } names
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : list.GetChildren()
                .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
                .Select(c => c.Value)
                .OfType<string>();

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
