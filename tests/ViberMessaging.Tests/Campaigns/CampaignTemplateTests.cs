using ViberMessaging.Campaigns;

namespace ViberMessaging.Tests.Campaigns;

public sealed class CampaignTemplateTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["name"] = "Ann", ["order"] = "1042" };

    [Theory]
    [InlineData("Hello", "Hello")]
    [InlineData("Hello, {name}! Order {order}.", "Hello, Ann! Order 1042.")]
    [InlineData("{{literal}} {name}", "{literal} Ann")]
    [InlineData("a } b", "a } b")]
    [InlineData("open { only", "open { only")]
    public void Render_Placeholders_AreFilledAndEscapesKept(string template, string expected)
    {
        Assert.Equal(expected, CampaignTemplate.Render(template, Variables, out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Render_UnknownVariable_ReturnsNullNamingIt()
    {
        Assert.Null(CampaignTemplate.Render("Hi {first}", Variables, out var missing));
        Assert.Equal("first", missing);
    }
}
