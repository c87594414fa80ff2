namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Ids at the edges of 64 bits — 2^53 + 1 (the first integer a double cannot hold) and 2^63 − 1 — through every
/// provider mapping, as JSON numbers and as strings: send answer → <see cref="MessageId"/> → its text form and back →
/// the status request on the wire → the status answer → the report. Each provider's test is in its folder
/// (<c>Providers/&lt;Provider&gt;/&lt;Provider&gt;LargeIdTests.cs</c>); these are the ids and checks they share.
/// </summary>
internal static class LargeIds
{
    public static TheoryData<string, bool> Ids => new()
    {
        { "9007199254740993", false },
        { "9007199254740993", true },
        { "9223372036854775807", false },
        { "9223372036854775807", true },
    };

    public static string Json(string id, bool asString) => asString ? $"\"{id}\"" : id;

    /// <summary>The id as returned, then through its text form (what callers store) and back.</summary>
    public static MessageId RoundTrip(MessageId? returned, string provider, string expectedValue)
    {
        var id = Assert.NotNull(returned);
        Assert.Equal((provider, expectedValue), (id.Provider, id.Value));
        var parsed = MessageId.Parse(id.ToString());
        Assert.Equal(id, parsed);
        Assert.Equal(expectedValue, parsed.Value);
        return parsed;
    }
}
