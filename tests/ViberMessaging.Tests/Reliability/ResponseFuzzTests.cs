using System.Globalization;
using System.Net.Http.Headers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Random and mutated versions of every documented response (<see cref="HostileAnswers"/>), at assorted HTTP statuses,
/// through every public call of every provider (real DI, handlers and adapters; only the socket replaced). The only
/// exceptions that may escape are the SDK's own, and what a call returns still accounts for every recipient and id.
/// </summary>
/// <remarks>
/// CI runs a few thousand cases; <c>VIBERMESSAGING_FUZZ_CASES=100000</c> runs a long campaign. A failure is shrunk by
/// FsCheck to the fewest edits that still fail, and its message gives the run's seed: paste it into <see cref="Replay"/>
/// to run the same cases again. Calls that fan out run their requests concurrently, so a case's ending may differ
/// between runs where two valid endings race (a send whose parallel requests fail alike returns or throws).
/// </remarks>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    private const int RequestBudgetPerCase = 2_000;

    /// <summary>
    /// A failed run's seed and gamma, the pair after "Falsifiable, after n tests (m shrinks)" in FsCheck's message (e.g.
    /// <c>(580931153676711636UL, 738191937202058423UL)</c>); null draws fresh cases.
    /// </summary>
    private static (ulong Seed, ulong Gamma)? Replay => null;

    [Fact]
    public async Task EveryCall_FuzzedProviderAnswers_OnlyTheSdksOwnExceptionsEscape()
    {
        var cases = ReliabilitySettings.FuzzCases;
        await using var transport = StubbedTransport.Create(
            o =>
            {
                // One quick retry, no waiting, no circuit: every case is answered by its own fuzzed body.
                o.Pacing.Enabled = false;
                o.Pacing.RateLimitedPause = TimeSpan.Zero;
                o.Resilience.MaxRetryAttempts = 1;
                o.Resilience.BaseDelay = TimeSpan.Zero;
                o.Resilience.MaxRetryAfter = TimeSpan.Zero;
                o.Resilience.CircuitBreakerEnabled = false;
            },
            new FormattingLoggerProvider());
        transport.Record = false;
        var endings = new Dictionary<string, int>(StringComparer.Ordinal);
        var property = Prop.ForAll(HostileAnswers.For(FuzzOperations.All), answer => Answer(transport, answer, endings));
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);
        if (Replay is { } replay)
        {
            config = config.WithReplay(FSharpOption<FsCheck.Replay>.Some(new FsCheck.Replay(new Rnd(replay.Seed, replay.Gamma), FSharpOption<int>.None)));
        }

        var started = TimeProvider.System.GetTimestamp();

        // FsCheck checks synchronously; off xunit's synchronisation context a case may block on its own call.
        await Task.Run(() => Check.One(config, property));

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases} fuzz cases over {FuzzOperations.All.Count} calls of 4 providers in {elapsed.TotalSeconds:0.0} s"));
        output.WriteLine("Endings: " + string.Join(", ", endings.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        Assert.Equal(cases, endings.Values.Sum());
    }

    /// <summary>Feeds one answer to its call; anything but a return or the SDK's own exception fails the property.</summary>
    private static bool Answer(StubbedTransport transport, HostileAnswer answer, Dictionary<string, int> endings)
    {
        var body = answer.Render();
        transport.Respond(_ =>
        {
            var response = new HttpResponseMessage(answer.Status) { Content = new ByteArrayContent(body) };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue(answer.Html ? "text/html" : "application/json");
            response.Headers.RetryAfter = answer.RetryAfter switch
            {
                RetryAfterKind.ZeroSeconds => new RetryConditionHeaderValue(TimeSpan.Zero),
                RetryAfterKind.TwoSeconds => new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)),
                RetryAfterKind.PastDate => new RetryConditionHeaderValue(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                RetryAfterKind.FarFutureDate => new RetryConditionHeaderValue(new DateTimeOffset(2101, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                _ => null,
            };
            return response;
        });

        string ending;
        try
        {
            answer.Operation.Run(transport, body).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            ending = "returned";
        }
        catch (ViberMessagingException error)
        {
            ending = error.ErrorCode.ToString();
        }

        Assert.True(transport.RequestCount <= RequestBudgetPerCase, $"{transport.RequestCount} requests for one call: a runaway loop");
        lock (endings)
        {
            endings[ending] = endings.GetValueOrDefault(ending) + 1;
        }

        return true;
    }

    /// <summary>Formats every log line (so the SDK's logging runs on hostile data) and keeps none.</summary>
    private sealed class FormattingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger();

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => _ = formatter(state, exception);
        }
    }
}
