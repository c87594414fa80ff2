using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Campaigns;

namespace ViberMessaging.PacingHarness;

/// <summary>
/// The campaign runner against a distant API: every SMS Club request answered 150 ms (then 400 ms) after the strict
/// 9/1000 ms window admitted it. One request in flight cannot reach the limit (each request waits a round trip plus two
/// journal commits); the default <see cref="CampaignDefinition.MaxConcurrentRequests"/> should, with no 429 and nobody twice.
/// </summary>
internal sealed partial class Scenarios
{
    public async Task CampaignLatencyAsync()
    {
        var recipients = settings.Quick ? 20_000 : 50_000;
        var requests = recipients / 500;
        var limitTime = TimeSpan.FromSeconds(requests / (double)Limit);
        var title = $"Campaign runner against slow round trips: {recipients:N0} recipients ({requests} requests of 500) through SMS Club at 9/1000 ms, SQLite journal — physical limit {Format.Seconds(limitTime)}";
        Console.WriteLine(title);
        var table = new Table(title, "round trip", "MaxConcurrentRequests", "requests", "wall time", "vs limit", "requests/s", "share of the limit (sustained)", "429s", "duplicates", "outcome", "target");
        var directory = Directory.CreateTempSubdirectory("harness-campaign-latency-").FullName;
        try
        {
            foreach (var (roundTrip, concurrency) in from ms in new[] { 150, 400 } from c in new[] { 1, 2, CampaignDefinition.DefaultMaxConcurrentRequests } select (TimeSpan.FromMilliseconds(ms), c))
            {
                await PrepareAsync(Limit);
                // Exactly one delay per request: the emulator keeps unused faults across its reset.
                await emulator.DelayAsync(SmsClub, roundTrip, requests);
                var journal = Path.Combine(directory, $"{roundTrip.TotalMilliseconds}-{concurrency}.db");
                await using var sdk = CampaignSdk(emulator.BaseOf(SmsClub), journal);
                var campaign = new CampaignDefinition { Id = "latency", MaxConcurrentRequests = concurrency, Template = new ViberMessage { Sender = "MyShop", Text = CampaignText } };
                var start = Stopwatch.GetTimestamp();
                var summary = await sdk.GetRequiredService<ICampaignRunner>().RunAsync(sdk.Sender(SmsClub), campaign, Recipients(recipients));
                var wall = Stopwatch.GetElapsedTime(start);
                var stats = await emulator.StatsAsync(SmsClub, duplicates: true);
                var arrivals = stats.Arrivals;
                var share = arrivals.SustainedShare(Limit, Window, arrivals.First, arrivals.Last + 1) ?? 0;
                var isDefault = concurrency == CampaignDefinition.DefaultMaxConcurrentRequests;
                table.Add(
                    Format.Ms(roundTrip.TotalMilliseconds),
                    concurrency.ToString(CultureInfo.InvariantCulture) + (isDefault ? " (default)" : string.Empty),
                    arrivals.Count,
                    Format.Seconds(wall),
                    (wall / limitTime).ToString("0.000", CultureInfo.InvariantCulture) + "×",
                    (arrivals.Count / wall.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture),
                    Format.Percent(share),
                    stats.RateLimited,
                    stats.Duplicates,
                    $"{summary.Progress.Accepted:N0} accepted, {summary.Progress.Unknown:N0} unknown",
                    isDefault
                        ? Format.Verdict(share >= 0.95 && stats.RateLimited == 0 && stats.Duplicates == 0 && summary.Progress.Accepted == recipients) + " (≥ 95 % of the limit, 0×429, 0 duplicates)"
                        : "baseline");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        Tables.Add(table);
    }
}
