using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using ViberMessaging.Samples.Tests.TestSupport;

namespace ViberMessaging.Samples.Tests;

/// <summary>samples/Emulator, the standalone emulator server, run as its own process.</summary>
public sealed class EmulatorSampleTests
{
    private const string Assembly = "ViberMessaging.Emulator";

    [UnixFact]
    public async Task Main_FreePort_ServesTheProvidersAndStopsCleanlyOnCtrlC()
    {
        var port = FreePort();
        using var process = SampleProcess.Start(Assembly, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await process.WaitForOutputAsync("Press Ctrl+C to stop.", TimeSpan.FromSeconds(60));

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/smsclub/vibers/originator");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "emulator-smsclub-token");
        using var response = await http.SendAsync(request);
        process.Interrupt();
        var outcome = await process.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"listening on http://127.0.0.1:{port}/", outcome.Output, StringComparison.Ordinal);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Stopping. Requests received: 1.", outcome.Output, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    [Fact]
    public async Task Main_Help_DescribesThePortAndExitsZero()
    {
        using var process = SampleProcess.Start(Assembly, "--help");
        var outcome = await process.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--port", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_PortOutOfRange_ExitsNonZeroWithoutAStackTrace()
    {
        using var process = SampleProcess.Start(Assembly, "--port", "70000");
        var outcome = await process.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("--port must be between 1 and 65535", outcome.Error, StringComparison.Ordinal);
        outcome.AssertNoStackTrace();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
