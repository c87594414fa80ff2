namespace ViberMessaging.Tests.Abstractions;

public sealed class MessageIdTests
{
    [Theory]
    [InlineData("SmsClub", "5769", "SmsClub:5769")]
    [InlineData("Devino", "9223372036854775807", "Devino:9223372036854775807")]
    [InlineData("Devino", "9007199254740993", "Devino:9007199254740993")]
    [InlineData("SmsBy", "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291111111", "SmsBy:bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291111111")]
    public void ToStringThenParse_RoundTripsExactly(string provider, string value, string text)
    {
        var id = new MessageId(provider, value);

        Assert.Equal(text, id.ToString());
        var parsed = MessageId.Parse(text);
        Assert.Equal(id, parsed);
        Assert.Equal(provider, parsed.Provider);
        Assert.Equal(value, parsed.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SmsClub")]
    [InlineData(":5769")]
    [InlineData("SmsClub:")]
    [InlineData(" :5769")]
    public void Parse_Malformed_ThrowsFormatExceptionWithExample(string text)
    {
        var error = Assert.Throws<FormatException>(() => MessageId.Parse(text));
        Assert.Contains("SmsClub:5769", error.Message, StringComparison.Ordinal);
        Assert.False(MessageId.TryParse(text, out _));
    }

    [Fact]
    public void Equality_ProviderIgnoresCaseValueDoesNot()
    {
        Assert.Equal(new MessageId("SmsClub", "a"), new MessageId("smsclub", "a"));
        Assert.Equal(new MessageId("SmsClub", "a").GetHashCode(), new MessageId("SMSCLUB", "a").GetHashCode());
        Assert.NotEqual(new MessageId("SmsClub", "a"), new MessageId("SmsClub", "A"));
    }

    [Fact]
    public void Default_IsEmptyAndPrintsNothing()
    {
        MessageId id = default;

        Assert.True(id.IsEmpty);
        Assert.Equal(string.Empty, id.ToString());
        Assert.Equal(string.Empty, id.Provider);
    }

    [Fact]
    public void Constructor_ProviderWithColon_Throws()
        => Assert.Throws<ArgumentException>(() => new MessageId("a:b", "1"));
}
