namespace ViberMessaging.Routing;

/// <summary>A router's validated routes: for a recipient, the providers to try in order.</summary>
internal sealed class RouterTable
{
    private readonly (string Prefix, string[] Candidates)[] _routes;
    private readonly string[]? _otherwise;

    public RouterTable(ViberRouterOptions options)
    {
        _routes = options.Routes
            .Select(r => (Prefix: NormalizePrefix(r.Key)!, Candidates: Candidates(r.Value, options.RouteFailOverTo.TryGetValue(r.Key, out var own) ? own : options.FailOverTo)))
            .OrderByDescending(r => r.Prefix.Length)
            .ToArray();
        _otherwise = options.Otherwise is { } otherwise ? Candidates(otherwise, options.FailOverTo) : null;
        Providers = _routes.SelectMany(r => r.Candidates).Concat(_otherwise ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Every provider the router may send through.</summary>
    public IReadOnlyList<string> Providers { get; }

    /// <summary>The digits of a configured prefix (a leading '+' allowed), or <see langword="null"/> when it is not one.</summary>
    public static string? NormalizePrefix(string prefix)
    {
        var digits = prefix.Trim().TrimStart('+');
        return digits.Length is > 0 and <= PhoneNumber.MaxDigits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The providers to try for <paramref name="recipient"/>, in order; <see langword="null"/> when no route matches and there is no Otherwise.</summary>
    public string[]? Find(PhoneNumber recipient)
    {
        foreach (var (prefix, candidates) in _routes)
        {
            if (recipient.Digits.StartsWith(prefix, StringComparison.Ordinal))
            {
                return candidates;
            }
        }

        return _otherwise;
    }

    private static string[] Candidates(string first, IEnumerable<string> failOver)
        => new[] { first }.Concat(failOver).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
