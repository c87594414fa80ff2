using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Telemetry;

namespace ViberMessaging.PacingHarness;

/// <summary>
/// The <c>distributed</c> scenario: 3 and then 5 OS processes (each its own service provider, Redis connection and
/// gate, 8 senders) share one SMS Club account through a redis-server of the harness's own, against the emulator's
/// strict 9/1000 ms window.
/// </summary>
internal sealed partial class Scenarios
{
    public async Task DistributedAsync()
    {
        var title = $"Distributed pacing through Redis — one SMS Club account, 9/s strict window, N processes × {Senders} senders, {Load.TotalSeconds:0} s";
        Console.WriteLine(title);
        var redisServer = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator).Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);
        if (redisServer is null)
        {
            Console.WriteLine("  skipped: redis-server is not installed (apt-get install redis-server).");
            return;
        }

        var table = new Table(title, "processes", "requests", "aggregate rate, % of 9/s", "429s", "max arrivals in any 1 s", "each process's share", "target");
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("harness-redis-").FullName;
        using var redis = Process.Start(new ProcessStartInfo(redisServer)
        {
            ArgumentList = { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", directory },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        redis.BeginOutputReadLine();
        try
        {
            await Task.Delay(500);
            foreach (var processes in new[] { 3, 5 })
            {
                await PrepareAsync(Limit);
                var workers = Enumerable.Range(0, processes).Select(i => StartWorker(i, $"127.0.0.1:{port}", processes)).ToArray();
                await Task.WhenAll(workers.Select(w => w.WaitForExitAsync()));
                var stats = await emulator.StatsAsync(SmsClub);
                var arrivals = stats.Arrivals;
                var rate = arrivals.SustainedShare(Limit, Window, arrivals.First, arrivals.First + Load.Ticks) ?? 0;
                var shares = new List<double>();
                for (var i = 0; i < processes; i++)
                {
                    shares.Add((await emulator.StatsAsync(SmsClub, bodyContains: Marker(i))).Matching / (double)Math.Max(1, arrivals.Count));
                }

                var met = rate >= 0.95 && stats.RateLimited == 0 && shares.All(s => s >= 0.2 / (processes / 3.0));
                table.Add(processes, arrivals.Count, Format.Percent(rate), stats.RateLimited, arrivals.MaxInAnyWindow(Window), string.Join(" / ", shares.Select(Format.Percent)), Format.Verdict(met) + " (≥ 95.0 %, 0×429, no process starved)");
                foreach (var worker in workers)
                {
                    worker.Dispose();
                }
            }

            Tables.Add(table);
            Tables.Add(await PermitLatencyAsync($"127.0.0.1:{port}"));
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// What asking Redis adds to a permit: one sender at about 6/s (below the limit, so no permit has to wait for the
    /// window) after one warm-up send, the SDK's own pacing-wait histogram per attempt, the in-process gate and then the Redis gate.
    /// </summary>
    private async Task<Table> PermitLatencyAsync(string redis)
    {
        const int Permits = 120;
        var title = $"Permit latency — one sender at ~6/s on one SMS Club account, {Permits} sends per gate, pacing wait per attempt";
        Console.WriteLine(title);
        var table = new Table(title, "gate", "permits", "p50", "p99", "max");
        foreach (var viaRedis in new[] { false, true })
        {
            await PrepareAsync(Limit);
            var waits = new List<double>();
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ViberMessagingTelemetry.MeterName && instrument.Name == ViberMessagingInstruments.PacingWaitName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
            {
                lock (waits)
                {
                    waits.Add(seconds * 1000);
                }
            });
            var services = new ServiceCollection();
            var builder = services.AddViberMessaging().AddSmsClub(o =>
            {
                o.BaseAddress = emulator.BaseOf(SmsClub);
                o.Token = EmulatorProcess.Credentials.SmsClubToken;
            });
            if (viaRedis)
            {
                builder.UseRedisPacing(o => o.Configuration = redis);
            }

            await using (var provider = services.BuildServiceProvider())
            {
                var sender = provider.GetRequiredKeyedService<IViberSender>(SmsClub);
                await sender.SendAsync(OneRecipient);   // warm-up: the connections (HTTP, Redis) and the JIT, not measured
                listener.Start();
                using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(160));
                for (var i = 0; i < Permits && await pace.WaitForNextTickAsync(); i++)
                {
                    await sender.SendAsync(OneRecipient);
                }
            }

            listener.Dispose();
            double[] sorted;
            lock (waits)
            {
                sorted = [.. waits.Order()];
            }

            table.Add(viaRedis ? "Redis (loopback)" : "in-process", sorted.Length, Format.Ms(Percentile(sorted, 0.5)), Format.Ms(Percentile(sorted, 0.99)), Format.Ms(sorted.Length > 0 ? sorted[^1] : 0));
        }

        return table;
    }

    private Process StartWorker(int index, string redis, int processes)
    {
        var path = Environment.ProcessPath!;
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Scenarios).Assembly.Location);
        }

        foreach (var argument in new[] { DistributedWorker.Command, emulator.BaseOf(SmsClub).AbsoluteUri, redis, Load.TotalSeconds.ToString(CultureInfo.InvariantCulture), index.ToString(CultureInfo.InvariantCulture), processes.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static string Marker(int index) => "process-" + index.ToString(CultureInfo.InvariantCulture) + "-";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One process of the scenario: 8 senders on the account for the run's length, paced through Redis.</summary>
    internal static class DistributedWorker
    {
        public const string Command = "distributed-worker";

        public static async Task<int> RunAsync(string[] args)
        {
            var (address, redis, seconds, index, processes) = (new Uri(args[1]), args[2], double.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture), int.Parse(args[5], CultureInfo.InvariantCulture));
            var services = new ServiceCollection();
            services.AddViberMessaging()
                .AddSmsClub(o =>
                {
                    o.BaseAddress = address;
                    o.Token = EmulatorProcess.Credentials.SmsClubToken;
                })
                .UseRedisPacing(o =>
                {
                    o.Configuration = redis;
                    o.ExpectedInstances = processes;
                });
            await using var provider = services.BuildServiceProvider();
            var sender = provider.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsClub);
            var text = Marker(index) + "Your order 1042 has shipped.";
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await sender.SendAsync(OneRecipient.WithText(text), stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    catch (ViberMessagingException e)
                    {
                        Console.Error.WriteLine($"process {index}: {e.ErrorCode} {e.Message}");
                    }
                }
            }));
            return 0;
        }
    }
}
