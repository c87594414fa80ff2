using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Tests.Infrastructure;

public sealed class StrikeQueueTests
{
    [Fact]
    public void Take_CountOfTwo_StrikesTwiceThenNoMore()
    {
        var sut = new StrikeQueue<string>();
        sut.Add("x", 2, pathContains: null);

        Assert.Equal("x", sut.Take("/a"));
        Assert.Equal("x", sut.Take("/b"));
        Assert.Null(sut.Take("/c"));
    }

    [Fact]
    public void Take_PathFilter_StrikesOnlyMatchingPathsIgnoringCase()
    {
        var sut = new StrikeQueue<string>();
        sut.Add("send only", 1, pathContains: "SEND");

        Assert.Null(sut.Take("/status"));
        Assert.Equal("send only", sut.Take("/vibers/send"));
        Assert.Null(sut.Take("/vibers/send"));
    }

    [Fact]
    public void Take_SeveralEntries_TheOldestMatchingStrikesFirst()
    {
        var sut = new StrikeQueue<string>();
        sut.Add("status", 1, pathContains: "status");
        sut.Add("any", 1, pathContains: null);
        sut.Add("later", 1, pathContains: null);

        Assert.Equal("any", sut.Take("/send"));
        Assert.Equal("status", sut.Take("/status"));
        Assert.Equal("later", sut.Take("/status"));
    }
}
