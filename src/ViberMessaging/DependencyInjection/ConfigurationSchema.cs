using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ViberMessaging.DependencyInjection;

/// <summary>
/// The configuration keys an options type accepts, read from its public properties: each key is a value (checked the
/// way the configuration binder will convert it), a nested section (<see cref="PacingOptions"/>,
/// <see cref="ResilienceOptions"/>) or a map (any key, each value checked). <see cref="Check"/> reports every unknown
/// key and unconvertible value of a section by its configuration path, so that nothing is silently ignored and one
/// mistake does not hide the others.
/// </summary>
internal sealed class ConfigurationSchema
{
    private readonly Dictionary<string, Entry> _entries;

    private ConfigurationSchema(Dictionary<string, Entry> entries) => _entries = entries;

    public static ConfigurationSchema For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>()
    {
        var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var type = property.PropertyType;
            entries[property.Name] = type == typeof(PacingOptions) ? new Entry(property.Name, null, For<PacingOptions>(), null)
                : type == typeof(ResilienceOptions) ? new Entry(property.Name, null, For<ResilienceOptions>(), null)
                : type == typeof(IDictionary<string, int>) ? new Entry(property.Name, null, null, typeof(int))
                : type == typeof(IDictionary<string, string>) ? new Entry(property.Name, null, null, typeof(string))
                : new Entry(property.Name, type, null, null);
        }

        return new ConfigurationSchema(entries);
    }

    /// <summary>The names of the known keys, for suggestions.</summary>
    public IEnumerable<string> Keys => _entries.Values.Select(e => e.Name);

    /// <summary>Adds a problem for every unknown key and unconvertible value of <paramref name="section"/>, and their paths to <paramref name="rejected"/>.</summary>
    public void Check(IConfiguration section, string path, List<string> problems, HashSet<string> rejected)
    {
        foreach (var child in section.GetChildren())
        {
            var childPath = path + ":" + child.Key;
            if (!_entries.TryGetValue(child.Key, out var entry))
            {
                problems.Add(Unknown(childPath, child.Key, Keys));
                rejected.Add(child.Path);
            }
            else if (entry.Section is not null)
            {
                if (child.Value is { Length: > 0 } && !child.GetChildren().Any())
                {
                    problems.Add($"{childPath} is a section ({string.Join(", ", entry.Section.Keys)}), not a value.");
                    rejected.Add(child.Path);
                }
                else
                {
                    entry.Section.Check(child, childPath, problems, rejected);
                }
            }
            else if (entry.MapValue is not null)
            {
                foreach (var item in child.GetChildren())
                {
                    CheckValue(item, childPath + ":" + item.Key, entry.MapValue, problems, rejected);
                }
            }
            else
            {
                CheckValue(child, childPath, entry.Value!, problems, rejected);
            }
        }
    }

    /// <summary><c>ViberMessaging:SmsClub:Tokn is not a known setting; did you mean Token?</c></summary>
    public static string Unknown(string path, string key, IEnumerable<string> candidates)
        => path + " is not a known setting" + (DidYouMean(key, candidates) is { Length: > 0 } hint ? hint : ".");

    /// <summary><c>; did you mean X?</c> for the closest of <paramref name="candidates"/>, when one is close enough to be a typo.</summary>
    public static string DidYouMean(string key, IEnumerable<string> candidates)
        => Closest(key, candidates) is { } best ? $"; did you mean {best}?" : string.Empty;

    private static string? Closest(string key, IEnumerable<string> candidates) => candidates
        .Select(c => (Name: c, Distance: Distance(key.ToUpperInvariant(), c.ToUpperInvariant())))
        .Where(c => c.Distance <= Math.Max(1, Math.Min(key.Length, c.Name.Length) / 3))
        .OrderBy(c => c.Distance)
        .FirstOrDefault().Name;

    private static void CheckValue(IConfigurationSection item, string path, Type type, List<string> problems, HashSet<string> rejected)
    {
        if (item.GetChildren().Any())
        {
            problems.Add($"{path} is a value, not a section.");
            rejected.Add(item.Path);
            return;
        }

        var value = item.Value;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null || target == typeof(string) || (value.Length == 0 && target != type))
        {
            return;
        }

        var rule = Rule(target, value);
        if (rule is not null)
        {
            var hint = target.IsEnum && Closest(value, Enum.GetNames(target)) is { } name ? $" (did you mean {name}?)" : string.Empty;
            problems.Add($"{path} must be {rule}; '{value}' is not{hint}.");
            rejected.Add(item.Path);
        }
    }

    /// <summary>What <paramref name="value"/> should have been, or <see langword="null"/> when the binder will convert it.</summary>
    private static string? Rule(Type type, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (type == typeof(int) || type == typeof(long))
        {
            return long.TryParse(value, NumberStyles.Integer, invariant, out var n) && (type == typeof(long) || n is >= int.MinValue and <= int.MaxValue)
                ? null : "a whole number";
        }

        if (type == typeof(double))
        {
            return double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _) ? null : "a number such as 0.5";
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(value, out _) ? null : "true or false";
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.TryParse(value, invariant, out _) ? null : "a time span such as 00:00:30 (30 seconds) or 1.00:00:00 (a day)";
        }

        if (type == typeof(Uri))
        {
            return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _) ? null : "a URL";
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out _) ? null : "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return null;
    }

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private sealed record Entry(string Name, Type? Value, ConfigurationSchema? Section, Type? MapValue);
}
