using System.Globalization;
using System.Text;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;
using Xunit.Abstractions;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// The fault matrix: for every provider, 1 000 one-recipient sends over real loopback HTTP, a fifth of them hit by a
/// fault on their first attempt (<c>VIBERMESSAGING_FAULT_SENDS</c> changes the count). A send is never delivered twice, every call ends Accepted or with a typed
/// <see cref="ViberMessagingException"/>, pre-send faults and 429s are retried to acceptance, and exactly the faults that
/// may have reached the provider end <see cref="ViberErrorCode.OutcomeUnknown"/>.
/// </summary>
/// <remarks>
/// Each lane of sends (two per provider, each with an emulator of its own) runs one send at a time, so the fault
/// injected before a send strikes that send's first attempt and its retry goes through clean: every send's expected
/// ending is known exactly.
/// "Reset before the request is read" is, for the client, the same event as a reset after the provider processed it
/// (both arrive after the body was written), so it must end <see cref="ViberErrorCode.OutcomeUnknown"/> too; the
/// emulator proves that nothing was delivered for it.
/// </remarks>
[Collection(ReliabilityCollection.Name)]
public sealed class FaultMatrixTests(ITestOutputHelper output)
{
    private const double FaultShare = 0.2;

    [Fact]
    public async Task SendAsync_ThousandSendsPerProviderWithInjectedFaults_NeverDuplicatesAndEndsEverySendAsItsFaultRequires()
    {
        var sends = ReliabilitySettings.FaultMatrixSends;
        var connectFaults = new Dictionary<string, ConnectFaults>();
        await using var second = await ViberEmulator.StartAsync(WithoutRateWindows(new ViberEmulatorOptions()));
        await using var harness = await EmulatorHarness.StartAsync(
            b =>
            {
                foreach (var provider in ReliabilityProviders.All)
                {
                    provider.AddNamed(b, provider.Name, Tweak);
                    provider.AddNamed(b, SecondLane(provider), Tweak);
                }
            },
            emulator => WithoutRateWindows(emulator),
            services =>
            {
                foreach (var provider in ReliabilityProviders.All)
                {
                    provider.PointAt(services, SecondLane(provider), second.GetBaseAddress(provider.Name));
                    connectFaults[provider.Name] = ConnectFaults.Install(services, provider.Name);
                    connectFaults[SecondLane(provider)] = ConnectFaults.Install(services, SecondLane(provider));
                }
            });

        // Each provider's sends run in two lanes, each against an emulator of its own, so a lane's injected fault is
        // always its own next send's: 8 lanes in parallel, each one send at a time.
        var lanes = ReliabilityProviders.All.SelectMany((provider, index) => new[]
        {
            RunAsync(harness, harness.Emulator, provider, provider.Name, connectFaults[provider.Name], sends / 2, seed: 1000 + (2 * index)),
            RunAsync(harness, second, provider, SecondLane(provider), connectFaults[SecondLane(provider)], sends - (sends / 2), seed: 1001 + (2 * index)),
        });
        var runs = await Task.WhenAll(lanes);

        foreach (var provider in ReliabilityProviders.All)
        {
            var both = runs.Where(r => r.Provider == provider.Name).ToArray();
            output.WriteLine(MatrixRun.Report(provider.Name, both));
        }

        Assert.All(runs, run => Assert.Empty(run.Problems));
        Assert.All(runs, run => Assert.Equal(0, run.Duplicates));
        Assert.All(runs, run => Assert.Equal(run.Planned.Count(f => f.MayReachProvider()), run.OutcomeUnknown));
        Assert.All(runs, run => Assert.Equal(run.Planned.Count(f => !f.MayReachProvider()), run.Accepted));
        Assert.Equal(sends * 4, runs.Sum(r => r.Planned.Length));
        Assert.DoesNotContain(harness.Emulator.Requests.Concat(second.Requests), r => r.Headers.ContainsKey("Expect"));
        new SecretScan(harness.Emulator.Options.Credentials).CheckLogs(harness.Logs).AssertClean();
    }

    private static void Tweak(ViberProviderOptions options)
    {
        // The gate lowers an account's rate after 429s (its own tests cover that): random injected 429s would
        // throttle the run to a crawl, so the matrix runs unpaced against emulators without rate windows.
        options.Pacing.Enabled = false;
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1.5);
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
    }

    private static string SecondLane(ProviderCase provider) => provider.Name + "Lane2";

    private static ViberEmulatorOptions WithoutRateWindows(ViberEmulatorOptions options)
    {
        options.RateLimits.Clear();
        return options;
    }

    private static async Task<MatrixRun> RunAsync(EmulatorHarness harness, ViberEmulator emulator, ProviderCase provider, string account, ConnectFaults connect, int sends, int seed)
    {
        var sender = harness.Sender(account);

        // Warm up (JIT, first connection) outside the counted run.
        await sender.SendAsync(provider.Message($"warm-up-{account}"));

        var plan = Plan(sends, seed);
        var run = new MatrixRun(provider.Name, plan);
        var started = TimeProvider.System.GetTimestamp();
        for (var i = 0; i < sends; i++)
        {
            Inject(emulator, connect, provider, plan[i]);
            var text = string.Create(CultureInfo.InvariantCulture, $"matrix-{account}-{i:D5}-{plan[i]}");
            try
            {
                var result = await sender.SendAsync(provider.Message(text));
                var recipient = Assert.Single(result.Recipients);
                run.Record(i, text, recipient.Status == RecipientStatus.Accepted ? "Accepted" : recipient.Status.ToString(), recipient.Error);
            }
            catch (ViberValidationException error)
            {
                run.Record(i, text, "Validation", error);
            }
            catch (ViberMessagingException error)
            {
                run.Record(i, text, error.ErrorCode.ToString(), error);
            }
            catch (Exception error)
            {
                run.Problems.Add($"#{i} ({plan[i]}): escaped {error.GetType().Name}: {error.Message}");
            }
        }

        run.Elapsed = TimeProvider.System.GetElapsedTime(started);
        run.Verify(emulator.RequestsTo(provider.Name).Where(r => !r.Body.Contains("warm-up", StringComparison.Ordinal)).ToArray(), emulator, connect);
        return run;
    }

    /// <summary>Exactly a fifth of the sends get a fault, the kinds dealt in turn and shuffled with a fixed seed.</summary>
    private static MatrixFault[] Plan(int sends, int seed)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<MatrixFault>().Where(f => f != MatrixFault.None).ToArray();
        var faulted = (int)Math.Round(sends * FaultShare);
        var plan = new MatrixFault[sends];
        for (var i = 0; i < faulted; i++)
        {
            plan[i] = kinds[i % kinds.Length];
        }

        random.Shuffle(plan);
        return plan;
    }

    private static void Inject(ViberEmulator emulator, ConnectFaults connect, ProviderCase provider, MatrixFault fault)
    {
        var emulated = fault switch
        {
            MatrixFault.RateLimitedSeconds => EmulatorFault.RateLimited(TimeSpan.FromSeconds(1)),
            MatrixFault.RateLimitedDate => EmulatorFault.RateLimited(TimeSpan.FromSeconds(1), asHttpDate: true),
            MatrixFault.ResetBeforeRead => EmulatorFault.ResetBeforeRead(),
            MatrixFault.ResetAfterAccept => EmulatorFault.ResetAfterAccept(),
            MatrixFault.HangAfterAccept => EmulatorFault.HangAfterAccept(),
            MatrixFault.ServerErrorAfterAccept => EmulatorFault.ServerErrorAfterAccept(),
            MatrixFault.MalformedAfterAccept => EmulatorFault.MalformedAfterAccept(),
            MatrixFault.TruncatedAfterAccept => EmulatorFault.TruncatedAfterAccept(),
            MatrixFault.EmptyAfterAccept => EmulatorFault.EmptyAfterAccept(),
            _ => null,
        };
        if (emulated is not null)
        {
            emulator.InjectFault(provider.Name, emulated, count: 1, pathContains: provider.SendPath);
        }
        else if (fault == MatrixFault.ConnectionRefused)
        {
            connect.RefuseNext();
        }
        else if (fault == MatrixFault.TlsFailure)
        {
            connect.FailTlsNext();
        }
    }

    private sealed class MatrixRun(string provider, MatrixFault[] plan)
    {
        private readonly string[] _texts = new string[plan.Length];
        private readonly string[] _endings = new string[plan.Length];

        public string Provider { get; } = provider;

        public MatrixFault[] Planned { get; } = plan;

        public List<string> Problems { get; } = [];

        public int Accepted => _endings.Count(e => e == "Accepted");

        public int OutcomeUnknown => _endings.Count(e => e == nameof(ViberErrorCode.OutcomeUnknown));

        public int Duplicates { get; private set; }

        public TimeSpan Elapsed { get; set; }

        public TimeSpan? ShortestRetryAfterWait { get; private set; }

        public void Record(int index, string text, string ending, ViberMessagingException? error)
        {
            _texts[index] = text;
            _endings[index] = ending;
            var fault = Planned[index];
            var expected = fault.MayReachProvider() ? nameof(ViberErrorCode.OutcomeUnknown) : "Accepted";
            if (ending != expected)
            {
                Problems.Add($"#{index} ({fault}): ended {ending}, expected {expected}{(error is null ? string.Empty : ": " + error.Message)}");
            }
            else if (error is not null && error.Outcome == SendOutcome.NotSent)
            {
                Problems.Add($"#{index} ({fault}): an unknown outcome reported as NotSent");
            }
        }

        /// <summary>What the emulator saw must match, send by send: deliveries, attempts, the faults that struck and the Retry-After waits.</summary>
        public void Verify(RecordedRequest[] requests, ViberEmulator emulator, ConnectFaults connect)
        {
            Duplicates = emulator.DuplicateCount(Provider);
            var delivered = emulator.AcceptedMessages(Provider).GroupBy(m => m.Text ?? string.Empty).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var byText = requests.Where(r => r.Body.Length > 0).GroupBy(r => TextOf(r.Body)).ToDictionary(g => g.Key ?? string.Empty, g => g.ToArray(), StringComparer.Ordinal);
            for (var i = 0; i < Planned.Length; i++)
            {
                var fault = Planned[i];
                var text = _texts[i];
                if (text is null)
                {
                    continue;
                }

                var expectedDeliveries = fault == MatrixFault.ResetBeforeRead ? 0 : 1;
                if (delivered.GetValueOrDefault(text) != expectedDeliveries)
                {
                    Problems.Add($"#{i} ({fault}): delivered {delivered.GetValueOrDefault(text)} times, expected {expectedDeliveries}");
                }

                var seen = byText.GetValueOrDefault(text) ?? [];
                var expectedAttempts = fault switch
                {
                    MatrixFault.ResetBeforeRead => 0, // the emulator cut the connection before reading the body
                    MatrixFault.RateLimitedSeconds or MatrixFault.RateLimitedDate => 2,
                    _ => 1,
                };
                if (seen.Length != expectedAttempts)
                {
                    Problems.Add($"#{i} ({fault}): {seen.Length} requests reached the emulator, expected {expectedAttempts}");
                }
                else if (expectedAttempts == 2)
                {
                    // Retry-After honoured: 1 s, or (as an HTTP date) the next whole second after 429 + 1 s.
                    var wait = seen[1].ReceivedAt - seen[0].ReceivedAt;
                    var earliest = fault == MatrixFault.RateLimitedSeconds
                        ? seen[0].ReceivedAt.AddSeconds(1)
                        : WholeSecond(seen[0].ReceivedAt.AddSeconds(1));
                    ShortestRetryAfterWait = ShortestRetryAfterWait is { } shortest && shortest < wait ? shortest : wait;
                    if (seen[1].ReceivedAt < earliest.AddMilliseconds(-20))
                    {
                        Problems.Add($"#{i} ({fault}): retried after {wait.TotalMilliseconds:0} ms, before the Retry-After");
                    }
                }
            }

            Struck = requests.Where(r => r.Fault is not null).GroupBy(r => Describe(r.Fault!)).ToDictionary(g => g.Key, g => g.Count());
            Struck["ConnectionRefused"] = connect.Refused;
            Struck["TlsFailure"] = connect.TlsFailed;
            foreach (var kind in Enum.GetValues<MatrixFault>().Where(k => k != MatrixFault.None))
            {
                var planned = Planned.Count(f => f == kind);
                if (Struck.GetValueOrDefault(Name(kind)) != planned)
                {
                    Problems.Add($"{kind}: planned {planned}, struck {Struck.GetValueOrDefault(Name(kind))}");
                }
            }
        }

        public Dictionary<string, int> Struck { get; private set; } = [];

        /// <summary>One line of figures for a provider's lanes together, then any problems.</summary>
        public static string Report(string provider, IReadOnlyList<MatrixRun> lanes)
        {
            var struck = lanes.SelectMany(l => l.Struck).GroupBy(s => s.Key).Select(g => (g.Key, Count: g.Sum(s => s.Value)));
            var waits = lanes.Where(l => l.ShortestRetryAfterWait is not null).Select(l => l.ShortestRetryAfterWait!.Value).DefaultIfEmpty().Min();
            var report = new StringBuilder();
            report.Append(CultureInfo.InvariantCulture, $"{provider}: {lanes.Sum(l => l.Planned.Length)} sends in {lanes.Max(l => l.Elapsed).TotalSeconds:0.0} s ({lanes.Count} lanes), ");
            report.Append(CultureInfo.InvariantCulture, $"{lanes.Sum(l => l.Planned.Count(f => f != MatrixFault.None))} faults injected (");
            report.AppendJoin(", ", struck.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Count}"));
            report.Append(CultureInfo.InvariantCulture, $"); accepted {lanes.Sum(l => l.Accepted)}, OutcomeUnknown {lanes.Sum(l => l.OutcomeUnknown)}, duplicates {lanes.Sum(l => l.Duplicates)}, ");
            report.Append(CultureInfo.InvariantCulture, $"shortest Retry-After wait {waits.TotalMilliseconds:0} ms, problems {lanes.Sum(l => l.Problems.Count)}");
            foreach (var problem in lanes.SelectMany(l => l.Problems).Take(20))
            {
                report.AppendLine().Append("  ").Append(problem);
            }

            return report.ToString();
        }

        private static string Describe(EmulatorFault fault) => fault.Kind switch
        {
            EmulatorFaultKind.RateLimited => fault.RetryAfterAsDate ? Name(MatrixFault.RateLimitedDate) : Name(MatrixFault.RateLimitedSeconds),
            EmulatorFaultKind.Reset => fault.AcceptsRequest ? Name(MatrixFault.ResetAfterAccept) : Name(MatrixFault.ResetBeforeRead),
            EmulatorFaultKind.Hang => Name(MatrixFault.HangAfterAccept),
            EmulatorFaultKind.ServerError => Name(MatrixFault.ServerErrorAfterAccept),
            EmulatorFaultKind.Malformed => Name(MatrixFault.MalformedAfterAccept),
            EmulatorFaultKind.Truncated => Name(MatrixFault.TruncatedAfterAccept),
            EmulatorFaultKind.Empty => Name(MatrixFault.EmptyAfterAccept),
            _ => fault.ToString(),
        };

        private static string Name(MatrixFault fault) => fault.ToString();

        private static DateTimeOffset WholeSecond(DateTimeOffset instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);

        /// <summary>The send's text as it travels (JSON or a form field): <c>matrix-</c> followed by letters, digits and dashes.</summary>
        private static string? TextOf(string body)
        {
            var start = body.IndexOf("matrix-", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            var end = start;
            while (end < body.Length && (char.IsAsciiLetterOrDigit(body[end]) || body[end] == '-'))
            {
                end++;
            }

            return body[start..end];
        }
    }
}

/// <summary>What strikes a send's first attempt in the matrix.</summary>
internal enum MatrixFault
{
    None,
    RateLimitedSeconds,
    RateLimitedDate,
    ConnectionRefused,
    TlsFailure,
    ResetBeforeRead,
    ResetAfterAccept,
    HangAfterAccept,
    ServerErrorAfterAccept,
    MalformedAfterAccept,
    TruncatedAfterAccept,
    EmptyAfterAccept,
}

internal static class MatrixFaultExtensions
{
    /// <summary>Whether the request may have reached the provider before the fault: the send's outcome is then unknown.</summary>
    public static bool MayReachProvider(this MatrixFault fault) => fault is MatrixFault.ResetBeforeRead or MatrixFault.ResetAfterAccept
        or MatrixFault.HangAfterAccept or MatrixFault.ServerErrorAfterAccept or MatrixFault.MalformedAfterAccept
        or MatrixFault.TruncatedAfterAccept or MatrixFault.EmptyAfterAccept;
}
