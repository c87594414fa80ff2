using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ViberMessaging.SmsBy;

namespace ViberMessaging.PacingHarness;

/// <summary>
/// The scenarios. Each starts from a clean emulator (records and windows reset) and new clients, drives load, then
/// reads what the emulator saw: arrival times, what it answered, its 429 count.
/// </summary>
internal sealed partial class Scenarios(EmulatorProcess emulator, HarnessSettings settings)
{
    private const string SmsClub = ViberProviders.SmsClub;
    private const int Limit = 9;
    private const int Senders = 8;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly PhoneNumber OnePhone = PhoneNumber.Parse("380989361121");
    private static readonly ViberMessage OneRecipient = new() { Sender = "MyShop", Recipients = [OnePhone], Text = "Your order 1042 has shipped." };

    public List<Table> Tables { get; } = [];

    private TimeSpan Load => settings.Load;

    /// <summary>JIT, connection pools and the emulator's first requests, so the first scenario does not pay for them.</summary>
    public async Task WarmUpAsync()
    {
        await PrepareAsync(limit: 0);
        await using (var sdk = Sdk.Create(emulator, SmsClub))
        {
            var sender = sdk.Sender(SmsClub);
            for (var i = 0; i < 20; i++)
            {
                await sender.SendAsync(OneRecipient);
            }
        }

        using var raw = new RawSmsClubClient(emulator.BaseOf(SmsClub));
        for (var i = 0; i < 20; i++)
        {
            await raw.SendAsync("MyShop", new[] { OnePhone.Digits }, "Your order 1042 has shipped.", CancellationToken.None);
        }
    }

    /// <summary>Sustained rate over the run, 8 senders: ours beside the two naive pacers; optionally with stalls or slow connections.</summary>
    public async Task RateAsync(string variant)
    {
        var title = variant switch
        {
            "stalls" => $"Sustained rate with three 400 ms thread-pool stalls — SMS Club 9/s strict window, {Senders} senders, {Load.TotalSeconds:0} s",
            "connect" => $"Sustained rate with new connections delayed 50–300 ms (connections live 2 s) — SMS Club 9/s, {Senders} senders, {Load.TotalSeconds:0} s",
            _ => $"Sustained rate — SMS Club 9/s strict window, {Senders} senders, {Load.TotalSeconds:0} s",
        };
        var table = new Table(title, "pacer", "requests", "admitted in the run", "sustained rate, % of 9/s", "429s", "max arrivals in any 1 s", "target");
        Console.WriteLine(title);
        var target = variant == "stalls" ? 0.96 : 0.98;
        var stalls = variant == "stalls" ? new[] { Load / 4, Load / 2, Load * 3 / 4 } : [];
        Func<HttpMessageHandler>? primary = variant == "connect" ? Transport.SlowConnects : null;

        await PrepareAsync(Limit);
        await using (var sdk = Sdk.Create(emulator, SmsClub, primary: primary))
        {
            var sender = sdk.Sender(SmsClub);
            await DriveAsync(Load + TimeSpan.FromSeconds(0.5), stalls, async (_, token) => (await sender.SendAsync(OneRecipient, token)).AcceptedCount == 1);
        }

        await RateRowAsync("ViberMessaging (ProviderRateGate)", ours: true);

        foreach (var pacer in new INaivePacer[] { new TokenBucketPacer(Limit), new SemaphoreDelayPacer(Limit) })
        {
            using (pacer)
            {
                await PrepareAsync(Limit);
                using var raw = new RawSmsClubClient(emulator.BaseOf(SmsClub), primary?.Invoke());
                await DriveAsync(Load + TimeSpan.FromSeconds(0.5), stalls, async (_, token) =>
                {
                    using (await pacer.WaitAsync(token))
                    {
                    }

                    return (await raw.SendAsync("MyShop", new[] { OnePhone.Digits }, "Your order 1042 has shipped.", token)).Count == 1;
                });
                await RateRowAsync("raw HttpClient + " + pacer.Name, ours: false);
            }
        }

        Tables.Add(table);

        async Task RateRowAsync(string pacer, bool ours)
        {
            var stats = await emulator.StatsAsync(SmsClub);
            var arrivals = stats.Arrivals;
            await DumpAsync($"{variant}-{pacer}", arrivals);
            var admitted = arrivals.AdmittedIn(arrivals.First, Load);
            var rate = arrivals.SustainedShare(Limit, Window, arrivals.First, arrivals.First + Load.Ticks) ?? 0;
            var verdict = !ours ? "baseline"
                : variant == "connect" ? Format.Verdict(stats.RateLimited == 0) + " (0×429)"
                : Format.Verdict(rate >= target && stats.RateLimited == 0) + $" (≥ {Format.Percent(target)}, 0×429)";
            table.Add(pacer, arrivals.Count, admitted, Format.Percent(rate), stats.RateLimited, arrivals.MaxInAnyWindow(Window), verdict);
        }
    }

    /// <summary>Bursts right after start and after 11 s idle: never more than the limit in any window.</summary>
    public async Task IdleAsync()
    {
        var burst = settings.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(4);
        var idle = TimeSpan.FromSeconds(11);
        var title = $"Bursts: {burst.TotalSeconds:0} s of {Senders} senders from a cold start, {idle.TotalSeconds:0} s idle, {burst.TotalSeconds:0} s again — SMS Club 9/s";
        Console.WriteLine(title);
        var table = new Table(title, "pacer", "requests", "429s", "max arrivals in any 1 s (start)", "max arrivals in any 1 s (after idle)", "target");

        await PrepareAsync(Limit);
        await using (var sdk = Sdk.Create(emulator, SmsClub))
        {
            var sender = sdk.Sender(SmsClub);
            var resumed = await TwoBurstsAsync(async (_, token) => (await sender.SendAsync(OneRecipient, token)).AcceptedCount == 1);
            await Row("ViberMessaging (ProviderRateGate)", resumed, ours: true);
        }

        foreach (var pacer in new INaivePacer[] { new TokenBucketPacer(Limit), new SemaphoreDelayPacer(Limit) })
        {
            using (pacer)
            {
                await PrepareAsync(Limit);
                using var raw = new RawSmsClubClient(emulator.BaseOf(SmsClub));
                var resumed = await TwoBurstsAsync(async (_, token) =>
                {
                    using (await pacer.WaitAsync(token))
                    {
                    }

                    return (await raw.SendAsync("MyShop", new[] { OnePhone.Digits }, "Your order 1042 has shipped.", token)).Count == 1;
                });
                await Row("raw HttpClient + " + pacer.Name, resumed, ours: false);
            }
        }

        Tables.Add(table);

        async Task<long> TwoBurstsAsync(Func<int, CancellationToken, Task<bool>> send)
        {
            await DriveAsync(burst, [], send);
            await Task.Delay(idle);
            var resumed = TimeProvider.System.GetUtcNow().UtcTicks;
            await DriveAsync(burst, [], send);
            return resumed;
        }

        async Task Row(string pacer, long resumed, bool ours)
        {
            var stats = await emulator.StatsAsync(SmsClub);
            var all = stats.Arrivals;
            var first = new Arrivals(all.Ticks.Where(t => t < resumed).ToArray(), all.Ticks.Select((t, i) => (t, i)).Where(x => x.t < resumed).Select(x => all.Statuses[x.i]).ToArray());
            var second = new Arrivals(all.Ticks.Where(t => t >= resumed).ToArray(), all.Ticks.Select((t, i) => (t, i)).Where(x => x.t >= resumed).Select(x => all.Statuses[x.i]).ToArray());
            var startMax = first.MaxInAnyWindow(Window);
            var idleMax = second.MaxInAnyWindow(Window);
            table.Add(pacer, all.Count, stats.RateLimited, startMax, idleMax, ours ? Format.Verdict(startMax <= Limit && idleMax <= Limit && stats.RateLimited == 0) + " (≤ 9, 0×429)" : "baseline");
        }
    }

    /// <summary>The provider tightens from 9/s to 7/s mid-run: ≤ 4 × 429 after the change, ≥ 95 % of 7/s within 20 s.</summary>
    public async Task TightenAsync()
    {
        var length = settings.Quick ? TimeSpan.FromSeconds(25) : Load;
        var changeAfter = settings.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15);
        var title = $"Provider tightens 9/s → 7/s after {changeAfter.TotalSeconds:0} s of a {length.TotalSeconds:0} s run, {Senders} senders";
        Console.WriteLine(title);
        var table = new Table(title, "pacer", "429s before", "429s after the change", "first 429 after the change", "≥ 95 % of 7/s for the next 10 s, from", "rate from change + 30 s to the end", "target");

        await PrepareAsync(Limit);
        DateTimeOffset changedAt = default;
        string gateState;
        await using (var sdk = Sdk.Create(emulator, SmsClub))
        {
            var sender = sdk.Sender(SmsClub);
            var change = Task.Run(async () =>
            {
                await Task.Delay(changeAfter);
                changedAt = await emulator.SetLimitAsync(SmsClub, 7, Window);
            });
            await DriveAsync(length, [], async (_, token) => (await sender.SendAsync(OneRecipient, token)).AcceptedCount == 1);
            await change;
            var gate = sdk.Gate(SmsClub);
            gateState = $"gate at the end: {gate.EffectiveLimit} per window, margin {gate.CurrentMargin.TotalMilliseconds:0} ms";
        }

        var stats = await emulator.StatsAsync(SmsClub);
        var arrivals = stats.Arrivals;
        await DumpAsync("tighten", arrivals);
        var change0 = changedAt.UtcTicks;
        var after = arrivals.RejectedAfter(change0);
        var before = stats.RateLimited - after;
        var firstReject = arrivals.FirstRejectedAfter(change0);
        var reached = arrivals.ReachedShare(firstReject ?? change0, TimeSpan.FromSeconds(10), 7, Window, 0.95);
        var tailFrom = change0 + TimeSpan.FromSeconds(30).Ticks;
        var tail = arrivals.Last - tailFrom > TimeSpan.FromSeconds(5).Ticks && arrivals.SustainedShare(7, Window, tailFrom, arrivals.Last + 1) is { } t ? Format.Percent(t) + " of 7/s" : null;
        var reachedAfter = reached is { } r ? TimeSpan.FromTicks(r - change0) : (TimeSpan?)null;
        var seconds = Enumerable.Range(0, (int)Math.Ceiling(TimeSpan.FromTicks(arrivals.Last - change0).TotalSeconds))
            .Select(i => (From: change0 + TimeSpan.FromSeconds(i).Ticks, Index: i))
            .Select(x => $"{arrivals.AdmittedIn(x.From, Window)}{(arrivals.RejectedAfter(x.From) - arrivals.RejectedAfter(x.From + Window.Ticks) is > 0 and var n ? $"+{n}×429" : string.Empty)}");
        Console.WriteLine($"    admitted per second after the change: {string.Join(' ', seconds)}; {gateState}");
        table.Add(
            "ViberMessaging (ProviderRateGate)",
            before,
            after,
            firstReject is { } f ? Format.Seconds(TimeSpan.FromTicks(f - change0)) : null,
            reachedAfter is { } ra ? Format.Seconds(ra) : "not reached",
            tail,
            Format.Verdict(before == 0 && after is >= 1 and <= 4 && reachedAfter <= TimeSpan.FromSeconds(20)) + " (≤ 4×429; ≥ 95 % of 7/s within 20 s)");
        Tables.Add(table);
        await emulator.SetLimitAsync(SmsClub, Limit, Window);
    }

    /// <summary>
    /// No limit on the server, but four stray 429s (an injected fault each) within a minute: noise, not a new limit. The
    /// rate over the 10 s after the last must stay ≥ 95 % of the configured 9/s; beside it the same with adaptation off.
    /// </summary>
    public async Task Stray429Async()
    {
        var span = settings.Quick ? TimeSpan.FromSeconds(16) : TimeSpan.FromSeconds(60);
        var injectAt = Enumerable.Range(0, 4).Select(i => span * (0.1 + (0.8 * i / 3))).ToArray();
        var length = injectAt[^1] + TimeSpan.FromSeconds(11);
        var title = $"Four stray 429s in {span.TotalSeconds:0} s (at {string.Join(", ", injectAt.Select(t => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)))} s), no limit on the server — SDK at 9/s, {Senders} senders, {length.TotalSeconds:0} s";
        Console.WriteLine(title);
        var table = new Table(title, "pacer", "requests", "429s", "rate over the 10 s after the last 429, % of 9/s", "rate over the whole run", "gate at the end", "target");
        foreach (var adapt in new[] { true, false })
        {
            await PrepareAsync(limit: 0);
            string gateState;
            await using (var sdk = Sdk.Create(emulator, SmsClub, o => o.Pacing.AdaptToRateLimits = adapt))
            {
                var sender = sdk.Sender(SmsClub);
                var started = Stopwatch.GetTimestamp();
                var injections = Task.Run(async () =>
                {
                    foreach (var at in injectAt)
                    {
                        var wait = at - Stopwatch.GetElapsedTime(started);
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait);
                        }

                        await emulator.InjectRateLimitAsync(SmsClub);
                    }
                });
                await DriveAsync(length, [], async (_, token) => (await sender.SendAsync(OneRecipient, token)).AcceptedCount == 1);
                await injections;
                var gate = sdk.Gate(SmsClub);
                gateState = $"{gate.EffectiveLimit} per window, margin {gate.CurrentMargin.TotalMilliseconds:0} ms";
            }

            var stats = await emulator.StatsAsync(SmsClub);
            var arrivals = stats.Arrivals;
            await DumpAsync($"stray429-adapt-{adapt}", arrivals);
            // The injected 429s are faults, not the window's refusals: count them from what was answered.
            var refused = Enumerable.Range(0, arrivals.Count).Where(i => arrivals.Statuses[i] == 429).Select(i => arrivals.Ticks[i]).ToArray();
            var last = refused.DefaultIfEmpty(arrivals.First).Max();
            var after = arrivals.SustainedShare(Limit, Window, last, last + TimeSpan.FromSeconds(10).Ticks) ?? 0;
            var whole = arrivals.SustainedShare(Limit, Window, arrivals.First, arrivals.Last + 1) ?? 0;
            table.Add(
                adapt ? "ViberMessaging (ProviderRateGate)" : "ViberMessaging, AdaptToRateLimits = false",
                arrivals.Count,
                refused.Length,
                Format.Percent(after),
                Format.Percent(whole),
                gateState,
                adapt ? Format.Verdict(after >= 0.95 && refused.Length == 4) + " (≥ 95 %, the 4 injected 429s only)" : "variant");
        }

        Tables.Add(table);
    }

    /// <summary>Callers queued for a permit are cancelled: how fast they return, and that they consume no permit.</summary>
    public async Task CancelAsync()
    {
        var length = settings.Quick ? TimeSpan.FromSeconds(6) : TimeSpan.FromSeconds(30);
        var title = $"Cancelling queued callers — {Senders} senders keep the SMS Club gate saturated for {length.TotalSeconds:0} s; probes queue behind them and are cancelled";
        Console.WriteLine(title);
        var table = new Table(title, "probes cancelled", "p50", "p99", "max", "probes sent before the cancel", "probe requests at the emulator", "permits granted / requests arrived", "target");

        await PrepareAsync(Limit);
        var latencies = new ConcurrentBag<double>();
        var sentBeforeCancel = 0;
        long leases;
        await using (var sdk = Sdk.Create(emulator, SmsClub))
        {
            var sender = sdk.Sender(SmsClub);
            var probe = OneRecipient.With(sender: "CancelProbe");
            using var stop = new CancellationTokenSource(length);
            var prober = Task.Run(async () =>
            {
                await Task.Delay(500);
                while (!stop.IsCancellationRequested)
                {
                    using var cancel = new CancellationTokenSource();
                    var send = sender.SendAsync(probe, cancel.Token);
                    await Task.Delay(40);
                    if (send.IsCompleted)
                    {
                        Interlocked.Increment(ref sentBeforeCancel);
                        continue;
                    }

                    var start = Stopwatch.GetTimestamp();
                    await cancel.CancelAsync();
                    try
                    {
                        await send;
                        Interlocked.Increment(ref sentBeforeCancel);
                    }
                    catch (OperationCanceledException)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }

                    await Task.Delay(Random.Shared.Next(50, 150));
                }
            });
            // The senders stop between sends, not by cancelling them: every permit they took then becomes a request,
            // so permits granted and requests arrived match exactly unless a cancelled probe consumed one.
            await DriveAsync(length, [], async (_, _) => (await sender.SendAsync(OneRecipient, CancellationToken.None)).AcceptedCount == 1);
            await prober;
            leases = sdk.Gate(SmsClub).GetStatistics()!.TotalSuccessfulLeases;
        }

        var stats = await emulator.StatsAsync(SmsClub, bodyContains: "CancelProbe");
        var sorted = latencies.Order().ToArray();
        var p99 = Percentile(sorted, 0.99);
        table.Add(
            sorted.Length,
            Format.Ms(Percentile(sorted, 0.5)),
            Format.Ms(p99),
            Format.Ms(sorted.Length > 0 ? sorted[^1] : 0),
            sentBeforeCancel,
            stats.Matching,
            $"{leases} / {stats.Arrivals.Count}",
            Format.Verdict(p99 <= 50 && leases == stats.Arrivals.Count) + " (p99 ≤ 50 ms, every permit became a request)");
        Tables.Add(table);
    }

    /// <summary>100 000 recipients through SMS Club (200 requests of 500), then the status of the 100 000 ids; a raw HttpClient send beside it.</summary>
    public async Task BulkAsync()
    {
        var recipients = settings.Quick ? 10_000 : 100_000;
        var requests = recipients / 500;
        var limitTime = TimeSpan.FromSeconds(requests / (double)Limit);
        var title = $"{recipients:N0} recipients through SMS Club ({requests} requests of 500) at 9/s — limit {Format.Seconds(limitTime)}";
        Console.WriteLine(title);
        var table = new Table(title, "client", "operation", "requests", "wall time", "vs limit", "429s", "peak heap growth", "peak working-set growth", "retained after", "target");
        var phones = Enumerable.Range(0, recipients).Select(i => PhoneNumber.Parse((380670000000L + i).ToString(CultureInfo.InvariantCulture))).ToArray();
        var message = new ViberMessage { Sender = "MyShop", Recipients = phones, Text = "Spring sale: 20 % off everything until Sunday." };

        await PrepareAsync(Limit);
        await using (var sdk = Sdk.Create(emulator, SmsClub))
        {
            var sender = sdk.Sender(SmsClub);
            SendResult result;
            TimeSpan wall;
            long retained;
            using (var memory = MemorySampler.Start())
            {
                var start = Stopwatch.GetTimestamp();
                result = await sender.SendAsync(message);
                wall = Stopwatch.GetElapsedTime(start);
                memory.Dispose();
                retained = GC.GetTotalMemory(forceFullCollection: true) - memory.BaselineHeap;
                var stats = await emulator.StatsAsync(SmsClub, duplicates: true);
                await DumpAsync("bulk-send", stats.Arrivals);
                table.Add(
                    "ViberMessaging", $"SendAsync ({result.AcceptedCount:N0} accepted, {stats.Duplicates} duplicates)", stats.Arrivals.Count, Format.Seconds(wall),
                    (wall / limitTime).ToString("0.000", CultureInfo.InvariantCulture) + "×", stats.RateLimited, Format.Mb(memory.PeakHeapGrowth), Format.Mb(memory.PeakWorkingSetGrowth), Format.Mb(retained),
                    Format.Verdict(wall <= TimeSpan.FromSeconds(23.0) * (requests / 200.0) && memory.PeakHeapGrowth < 50L * 1024 * 1024 && stats.RateLimited == 0) + (settings.Quick ? string.Empty : " (≤ 23.0 s, < 50 MB)"));
            }

            var ids = result.MessageIds.ToArray();
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            var before = (await emulator.StatsAsync(SmsClub)).Arrivals.Count;
            using (var memory = MemorySampler.Start())
            {
                var start = Stopwatch.GetTimestamp();
                var reports = await sdk.StatusQuery(SmsClub).GetStatusesAsync(ids);
                wall = Stopwatch.GetElapsedTime(start);
                memory.Dispose();
                retained = GC.GetTotalMemory(forceFullCollection: true) - memory.BaselineHeap;
                var stats = await emulator.StatsAsync(SmsClub);
                await DumpAsync("bulk-status", stats.Arrivals);
                var unread = reports.Count(r => r.Error is not null);
                table.Add(
                    "ViberMessaging", $"GetStatusesAsync ({reports.Count:N0} reports, {unread} with errors)", stats.Arrivals.Count - before, Format.Seconds(wall),
                    (wall / limitTime).ToString("0.000", CultureInfo.InvariantCulture) + "×", stats.RateLimited, Format.Mb(memory.PeakHeapGrowth), Format.Mb(memory.PeakWorkingSetGrowth), Format.Mb(retained),
                    Format.Verdict(wall <= TimeSpan.FromSeconds(23.0) * (requests / 200.0) && stats.RateLimited == 0) + (settings.Quick ? string.Empty : " (≤ 23.0 s)"));
                GC.KeepAlive(reports);
            }

            GC.KeepAlive(result);
        }

        // The same with a wider SafetyMargin: what 429s from the provider's own timing jitter cost, and what avoids them.
        await PrepareAsync(Limit);
        await using (var sdk = Sdk.Create(emulator, SmsClub, o => o.Pacing.SafetyMargin = TimeSpan.FromMilliseconds(30)))
        {
            var start = Stopwatch.GetTimestamp();
            var result = await sdk.Sender(SmsClub).SendAsync(message);
            var sendWall = Stopwatch.GetElapsedTime(start);
            var sent = await emulator.StatsAsync(SmsClub);
            table.Add(
                "ViberMessaging, SafetyMargin 30 ms", $"SendAsync ({result.AcceptedCount:N0} accepted)", sent.Arrivals.Count, Format.Seconds(sendWall),
                (sendWall / limitTime).ToString("0.000", CultureInfo.InvariantCulture) + "×", sent.RateLimited, null, null, null, "variant");
            var ids = result.MessageIds.ToArray();
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            start = Stopwatch.GetTimestamp();
            var reports = await sdk.StatusQuery(SmsClub).GetStatusesAsync(ids);
            var statusWall = Stopwatch.GetElapsedTime(start);
            var queried = await emulator.StatsAsync(SmsClub);
            table.Add(
                "ViberMessaging, SafetyMargin 30 ms", $"GetStatusesAsync ({reports.Count:N0} reports)", queried.Arrivals.Count - sent.Arrivals.Count, Format.Seconds(statusWall),
                (statusWall / limitTime).ToString("0.000", CultureInfo.InvariantCulture) + "×", queried.RateLimited - sent.RateLimited, null, null, null, "variant");
        }

        // The same send as a user writes it: 4 workers, SemaphoreSlim + Task.Delay pacing, ids collected in a list.
        await PrepareAsync(Limit);
        var digits = phones.Select(p => p.Digits).ToArray();
        using (var pacer = new SemaphoreDelayPacer(Limit))
        using (var raw = new RawSmsClubClient(emulator.BaseOf(SmsClub)))
        using (var memory = MemorySampler.Start())
        {
            var start = Stopwatch.GetTimestamp();
            var next = -1;
            var failed = 0;
            var ids = new ConcurrentBag<List<string>>();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                int chunk;
                while ((chunk = Interlocked.Increment(ref next)) < requests)
                {
                    using (await pacer.WaitAsync(CancellationToken.None))
                    {
                    }

                    try
                    {
                        ids.Add(await raw.SendAsync("MyShop", digits.AsMemory(chunk * 500, 500), message.Text!, CancellationToken.None));
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            })));
            var wall = Stopwatch.GetElapsedTime(start);
            memory.Dispose();
            var retained = GC.GetTotalMemory(forceFullCollection: true) - memory.BaselineHeap;
            var stats = await emulator.StatsAsync(SmsClub);
            table.Add(
                "raw HttpClient + SemaphoreSlim + Task.Delay(1000/9), 4 workers", $"POST vibers/send ({ids.Sum(l => l.Count):N0} accepted, {failed} requests failed)", stats.Arrivals.Count, Format.Seconds(wall),
                (wall / limitTime).ToString("0.000", CultureInfo.InvariantCulture) + "×", stats.RateLimited, Format.Mb(memory.PeakHeapGrowth), Format.Mb(memory.PeakWorkingSetGrowth), Format.Mb(retained), "baseline");
            GC.KeepAlive(ids);
        }

        Tables.Add(table);
    }

    /// <summary>DecisionTelecom (one recipient per request), Devino (100) and SMS.by (bulk, 100 per request) at a configured 10/s.</summary>
    public async Task ProvidersAsync()
    {
        const int rate = 10;
        var requests = settings.Quick ? 30 : 200;
        var title = $"Other providers at a configured {rate}/s (emulator window {rate} per 1 s, SDK PermitLimit {rate}), {requests} requests each way";
        Console.WriteLine(title);
        var table = new Table(title, "provider", "operation", "recipients / ids", "requests", "wall time", "limit (requests / 10/s)", "vs limit", "floor ⌊(n−1)/10⌋ s", "429s", "failed");
        foreach (var (provider, perRequest, prefix, sender) in new[]
        {
            (ViberProviders.DecisionTelecom, 1, 380500000000L, "Shop"),
            (ViberProviders.Devino, 100, 79250000000L, "Subject"),
            (ViberProviders.SmsBy, 100, 375290000000L, "MyShop"),
        })
        {
            await PrepareAsync(limit: 0);
            await emulator.SetLimitAsync(provider, rate, Window);
            var recipients = Enumerable.Range(0, requests * perRequest).Select(i => PhoneNumber.Parse((prefix + i).ToString(CultureInfo.InvariantCulture))).ToArray();
            await using var sdk = Sdk.Create(emulator, provider, o =>
            {
                if (o is SmsByOptions smsBy)
                {
                    smsBy.MaxRecipientsPerBulkRequest = perRequest;
                }
            });
            var start = Stopwatch.GetTimestamp();
            var result = await sdk.Sender(provider).SendAsync(new ViberMessage { Sender = sender, Recipients = recipients, Text = "Your order has shipped." });
            var wall = Stopwatch.GetElapsedTime(start);
            var stats = await emulator.StatsAsync(provider);
            var sent = stats.Arrivals.Count;
            Row(provider, "SendAsync", recipients.Length, sent, wall, stats.RateLimited, result.FailedCount + result.RejectedCount);

            var ids = result.MessageIds.ToArray();
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            start = Stopwatch.GetTimestamp();
            var reports = await sdk.StatusQuery(provider).GetStatusesAsync(ids);
            wall = Stopwatch.GetElapsedTime(start);
            var after = await emulator.StatsAsync(provider);
            Row(provider, "GetStatusesAsync", ids.Length, after.Arrivals.Count - sent, wall, after.RateLimited - stats.RateLimited, reports.Count(r => r.Error is not null));
            await emulator.SetLimitAsync(provider, 0, Window);
        }

        Tables.Add(table);

        void Row(string provider, string operation, int items, int count, TimeSpan wall, int rejected, int failed)
        {
            var limit = TimeSpan.FromSeconds(count / (double)rate);
            table.Add(provider, operation, items, count, Format.Seconds(wall), Format.Seconds(limit), (wall / limit).ToString("0.000", CultureInfo.InvariantCulture) + "×", Format.Seconds(TimeSpan.FromSeconds((count - 1) / rate)), rejected, failed);
        }
    }

    /// <summary>A long run at the limit: memory, timers, waiters and thread-pool queues must not grow.</summary>
    public async Task SoakAsync()
    {
        var length = settings.SoakLength;
        var every = settings.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(30);
        var warmUp = settings.Quick ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(60);
        var title = $"Soak — {length.TotalMinutes:0.#} min at the SMS Club limit, {Senders} senders (samples every {every.TotalSeconds:0} s after a full GC)";
        Console.WriteLine(title);
        var samples = new Table(title + ": samples", "t", "heap after full GC", "working set", "active timers", "gate queue", "pool pending items", "pool threads");
        var table = new Table(title, "requests", "% of limit", "429s", $"heap growth t={warmUp.TotalSeconds:0}s → end", "timers at warm-up / end / max", "max gate queue", "max pool pending", "target");

        await PrepareAsync(Limit);
        var rows = new List<(TimeSpan At, long Heap, int Timers, long Queue, long Pending)>();
        await using (var sdk = Sdk.Create(emulator, SmsClub))
        {
            var sender = sdk.Sender(SmsClub);
            var gate = sdk.Gate(SmsClub);
            using var stop = new CancellationTokenSource();
            var start = Stopwatch.GetTimestamp();
            var sampler = Task.Run(async () =>
            {
                var next = every;
                while (!stop.IsCancellationRequested)
                {
                    var wait = next - Stopwatch.GetElapsedTime(start);
                    if (wait > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(wait, stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }

                    var heap = GC.GetTotalMemory(forceFullCollection: true);
                    var timers = (int)Timer.ActiveCount;
                    var queue = gate.GetStatistics()!.CurrentQueuedCount;
                    var pending = ThreadPool.PendingWorkItemCount;
                    rows.Add((next, heap, timers, queue, pending));
                    samples.Add(Format.Seconds(next), Format.Mb(heap), Format.Mb(Environment.WorkingSet), timers, queue, pending, ThreadPool.ThreadCount);
                    next += every;
                }
            });
            await DriveAsync(length, [], async (_, token) => (await sender.SendAsync(OneRecipient, token)).AcceptedCount == 1);
            await stop.CancelAsync();
            await sampler;
        }

        var stats = await emulator.StatsAsync(SmsClub);
        var arrivals = stats.Arrivals;
        var rate = arrivals.SustainedShare(Limit, Window, arrivals.First, arrivals.First + length.Ticks) ?? 0;
        var baseline = rows.FirstOrDefault(r => r.At >= warmUp);
        var last = rows.Count > 0 ? rows[^1] : default;
        var growth = last.Heap - baseline.Heap;
        var maxTimers = rows.Count > 0 ? rows.Max(r => r.Timers) : 0;
        var maxQueue = rows.Count > 0 ? rows.Max(r => r.Queue) : 0;
        var maxPending = rows.Count > 0 ? rows.Max(r => r.Pending) : 0;
        table.Add(
            arrivals.Count,
            Format.Percent(rate),
            stats.RateLimited,
            Format.Mb(growth),
            $"{baseline.Timers} / {last.Timers} / {maxTimers}",
            maxQueue,
            maxPending,
            Format.Verdict(growth < 20L * 1024 * 1024 && last.Timers <= baseline.Timers + 2 && maxQueue <= Senders && stats.RateLimited == 0) + " (< 20 MB, no growth)");
        Tables.Add(table);
        Tables.Add(samples);
    }

    /// <summary>With <c>--dump</c>: one CSV per run, arrival time (ms from the first) and status, for a closer look.</summary>
    private async Task DumpAsync(string name, Arrivals arrivals)
    {
        if (settings.DumpDirectory is not { } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-')) + ".csv");
        var lines = arrivals.Ticks.Select((t, i) => string.Create(CultureInfo.InvariantCulture, $"{(t - arrivals.First) / 10_000.0:0.000},{arrivals.Statuses[i]}"));
        await File.WriteAllLinesAsync(file, lines.Prepend("ms,status"));
    }

    private static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Runs <see cref="Senders"/> concurrent loops of <paramref name="sendOne"/> for <paramref name="length"/>, with optional thread-pool stalls.</summary>
    private static async Task DriveAsync(TimeSpan length, TimeSpan[] stallsAt, Func<int, CancellationToken, Task<bool>> sendOne)
    {
        using var stop = new CancellationTokenSource(length);
        var stalls = stallsAt.Length > 0 ? Stalls.Schedule(stallsAt, TimeSpan.FromMilliseconds(400), stop.Token) : null;
        var failures = new ConcurrentDictionary<string, int>();
        var loops = Enumerable.Range(0, Senders).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                string? failure = null;
                try
                {
                    if (!await sendOne(i, stop.Token))
                    {
                        failure = "not accepted";
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (ViberMessagingException error)
                {
                    failure = error.ErrorCode.ToString();
                }
                catch (HttpRequestException error)
                {
                    failure = error.StatusCode is { } status ? $"HTTP {(int)status}" : error.HttpRequestError.ToString();
                }

                if (failure is not null)
                {
                    failures.AddOrUpdate(failure, 1, static (_, n) => n + 1);
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        stalls?.Join();
        if (!failures.IsEmpty)
        {
            Console.WriteLine("    failed calls: " + string.Join(", ", failures.Select(f => $"{f.Key} ×{f.Value}")));
        }
    }

    /// <summary>A clean start: a window's pause (so nothing of the previous scenario is in flight), a reset, SMS Club's window set.</summary>
    private async Task PrepareAsync(int limit)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await emulator.ResetAsync();
        await emulator.SetLimitAsync(SmsClub, limit, Window);
    }
}

/// <summary>Small conveniences over the neutral model.</summary>
internal static class MessageExtensions
{
    public static ViberMessage With(this ViberMessage message, string sender)
        => new() { Sender = sender, Recipients = message.Recipients, Text = message.Text };

    public static ViberMessage WithText(this ViberMessage message, string text)
        => new() { Sender = message.Sender, Recipients = message.Recipients, Text = text };
}
