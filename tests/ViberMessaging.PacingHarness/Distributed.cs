using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

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
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }

        Tables.Add(table);
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
