using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ViberMessaging.AspNetCore;

namespace ViberMessaging.PacingHarness;

/// <summary>The callback endpoint's throughput, measured with DecisionTelecom's status callbacks (its body shape).</summary>
internal sealed partial class Scenarios
{
    /// <summary>
    /// The DecisionTelecom callback endpoint on loopback Kestrel beside a bare minimal-API endpoint that only reads the
    /// body: requests/s and latency percentiles from 16 concurrent posters, as a ratio.
    /// </summary>
    public async Task CallbacksAsync()
    {
        var length = settings.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(20);
        const int posters = 16;
        var title = $"Callback endpoint throughput — loopback Kestrel, {posters} concurrent posters, {length.TotalSeconds:0} s each, distinct message ids";
        Console.WriteLine(title);
        var table = new Table(title, "endpoint", "requests", "requests/s", "p50", "p99", "non-200", "vs bare");
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddViberMessaging().AddDecisionTelecom(o => o.ApiKey = "harness-key").AddViberCallbacks(o => o.Secret = "harness-secret-0123456789");
        await using var app = builder.Build();
        app.MapViberCallbacks("/viber");
        app.MapPost("/bare", static async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Ok();
        });
        await app.StartAsync();
        var paths = app.Services.GetRequiredService<ViberCallbackPaths>();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = posters }) { BaseAddress = baseAddress };

        var bare = await PostForAsync(http, "/bare", length, posters);
        var ours = await PostForAsync(http, paths.PathFor("DecisionTelecom"), length, posters);
        table.Add("bare MapPost (reads the body)", bare.Count, bare.PerSecond.ToString("0", CultureInfo.InvariantCulture), Format.Ms(bare.P50), Format.Ms(bare.P99), bare.Failed, "1.00×");
        table.Add("MapViberCallbacks (parse, merge into the tracker)", ours.Count, ours.PerSecond.ToString("0", CultureInfo.InvariantCulture), Format.Ms(ours.P50), Format.Ms(ours.P99), ours.Failed, (ours.PerSecond / bare.PerSecond).ToString("0.00", CultureInfo.InvariantCulture) + "× req/s");
        await app.StopAsync();
        Tables.Add(table);
    }

    private static async Task<(int Count, double PerSecond, double P50, double P99, int Failed)> PostForAsync(HttpClient http, string path, TimeSpan length, int posters)
    {
        var id = 1_000_000L;
        var latencies = new List<double>[posters];
        var failed = 0;
        using var stop = new CancellationTokenSource(length);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
        {
            var mine = latencies[p] = [];
            while (!stop.IsCancellationRequested)
            {
                var body = $$"""{"message_id":{{Interlocked.Increment(ref id)}},"status":1}""";
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(path, content, CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length, all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), failed);
    }
}
