namespace ViberMessaging.ContractTests.Support;

/// <summary>
/// Exact form matching: WireMock's <c>FormUrlEncodedMatcher</c> accepts extra fields, so a form body is compared here as
/// the exact multiset of (name, value) pairs, in any order.
/// </summary>
internal static class FormBody
{
    /// <summary>A body matcher for a form-urlencoded body holding exactly <paramref name="fields"/>.</summary>
    public static Func<string?, bool> Exactly(params (string Name, string Value)[] fields)
    {
        var expected = Canonical(fields);
        return body => body is not null && Canonical(Parse(body)) == expected;
    }

    private static IEnumerable<(string Name, string Value)> Parse(string body)
        => body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return equals < 0 ? (Decode(pair), string.Empty) : (Decode(pair[..equals]), Decode(pair[(equals + 1)..]));
        });

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string Canonical(IEnumerable<(string Name, string Value)> fields)
        => string.Join('\n', fields.Select(f => f.Name + "=" + f.Value).Order(StringComparer.Ordinal));
}
