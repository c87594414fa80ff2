namespace ViberMessaging.Testing.Tests;

public sealed class ViberEmulatorTests
{
    [Fact]
    public async Task StartAsync_DefaultOptions_ListensOnLoopbackWithDynamicPort()
    {
        await using var emulator = await ViberEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
    }

    [Fact]
    public async Task StartAsync_AfterWarmingUp_HasNoTraceOfIt()
    {
        var options = new ViberEmulatorOptions();
        options.RateLimits[ViberProviders.Devino] = new EmulatorRateLimit(5, TimeSpan.FromSeconds(1));

        await using var emulator = await ViberEmulator.StartAsync(options);

        Assert.Empty(emulator.Requests);
        Assert.All(emulator.Providers, provider => Assert.Equal(0, emulator.PeakRequestsInWindow(provider)));
        Assert.All(emulator.Providers, provider => Assert.Equal(0, emulator.RateLimitedCount(provider)));
    }

    [Fact]
    public async Task UnknownProviderPath_Answers404AndIsNotRecorded()
    {
        await using var emulator = await ViberEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await http.GetAsync("nobody/here");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task GetBaseAddress_UnknownProvider_ThrowsNamingTheEmulatedOnes()
    {
        await using var emulator = await ViberEmulator.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => emulator.GetBaseAddress("Twilio"));
        Assert.Contains("Twilio", error.Message, StringComparison.Ordinal);
    }
}
