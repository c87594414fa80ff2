using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Seeded random and mutated versions of every documented response, at assorted HTTP statuses, through every public
/// call of every provider (real DI, handlers and adapters; only the socket replaced). The only exceptions that may
/// escape are the SDK's own, and what a call returns still accounts for every recipient and id.
/// </summary>
/// <remarks>
/// CI runs a few thousand cases; <c>VIBERMESSAGING_FUZZ_CASES=100000</c> runs a long campaign. Each case's random
/// stream depends only on the run's seed (<c>VIBERMESSAGING_FUZZ_SEED</c>) and the case number, both printed with a
/// finding, so any case's input replays alone (<c>VIBERMESSAGING_FUZZ_FIRST_CASE=n VIBERMESSAGING_FUZZ_CASES=1</c>).
/// Calls that fan out run their requests concurrently, so a case's ending may differ between runs where two valid
/// endings race (a send whose parallel requests fail alike returns or throws).
/// </remarks>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    private const int RequestBudgetPerCase = 2_000;

    private static readonly HttpStatusCode[] Statuses =
    [
        HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
        HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized,
        HttpStatusCode.PaymentRequired, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests,
        (HttpStatusCode)418, (HttpStatusCode)460, (HttpStatusCode)461, (HttpStatusCode)462, (HttpStatusCode)463, (HttpStatusCode)464,
        (HttpStatusCode)465, (HttpStatusCode)466, (HttpStatusCode)467, (HttpStatusCode)468, HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable,
    ];

    [Fact]
    public async Task EveryCall_FuzzedProviderAnswers_OnlyTheSdksOwnExceptionsEscape()
    {
        var cases = ReliabilitySettings.FuzzCases;
        var seed = ReliabilitySettings.FuzzSeed;
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
        var operations = FuzzOperations.All;
        var findings = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var started = TimeProvider.System.GetTimestamp();

        var first = ReliabilitySettings.FuzzFirstCase;
        for (var i = first; i < first + cases && findings.Count < 25; i++)
        {
            var random = new Random(unchecked((seed * 1_000_003) + i));
            var operation = operations[random.Next(operations.Count)];
            var body = JsonMutator.Mutate(operation.Seeds[random.Next(operation.Seeds.Length)], random);
            var status = Statuses[random.Next(Statuses.Length)];
            var retryAfter = random.Next(4) switch
            {
                0 => new RetryConditionHeaderValue(TimeSpan.FromSeconds(random.Next(0, 3))),
                1 => new RetryConditionHeaderValue(new DateTimeOffset(random.Next(2) == 0 ? 2001 : 2101, 1, 1, 0, 0, 0, TimeSpan.Zero)), // past or far future, whatever today is
                _ => null,
            };
            var contentType = random.Next(3) == 0 ? "text/html" : "application/json";
            transport.Respond(_ =>
            {
                var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
                response.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                response.Headers.RetryAfter = retryAfter;
                return response;
            });

            string outcome;
            try
            {
                await operation.Run(transport, body).WaitAsync(TimeSpan.FromSeconds(30));
                outcome = "returned";
            }
            catch (ViberMessagingException error)
            {
                outcome = error.ErrorCode.ToString();
            }
            catch (Exception error)
            {
                outcome = "finding";
                findings.Add(Describe(seed, i, operation, status, body, error));
            }

            if (transport.RequestCount > RequestBudgetPerCase)
            {
                findings.Add(Describe(seed, i, operation, status, body, new InvalidOperationException($"{transport.RequestCount} requests for one call: a runaway loop")));
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases} fuzz cases (seed {seed}) over {operations.Count} calls of 4 providers in {elapsed.TotalSeconds:0.0} s; findings: {findings.Count}"));
        output.WriteLine("Endings: " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        Assert.True(findings.Count == 0, string.Join("\n\n", findings.Take(5)));
    }

    private static string Describe(int seed, int index, FuzzOperation operation, HttpStatusCode status, byte[] body, Exception error)
    {
        var text = Encoding.UTF8.GetString(body);
        var kind = error is XunitException ? "broke an invariant" : $"escaped {error.GetType().FullName}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"case {index} (seed {seed}): {operation} at HTTP {(int)status} {kind}: {error.Message}\n  body ({body.Length} bytes): {(text.Length > 600 ? text[..600] + "…" : text)}\n  {error.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("ViberMessaging.", StringComparison.Ordinal) && !l.Contains("Tests", StringComparison.Ordinal))?.Trim()}");
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
