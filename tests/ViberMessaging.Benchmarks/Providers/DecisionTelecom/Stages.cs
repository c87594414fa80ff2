using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;
using ViberMessaging.Telemetry;

namespace ViberMessaging.Benchmarks;

/// <summary>
/// <c>--stages</c>: a stopwatch figure for each stage of one DecisionTelecom send over the in-memory transport, timed
/// alone (median of rounds), to find which ones cost what. A diagnostic, not a measurement.
/// </summary>
internal static class Stages
{
    public static async Task RunAsync()
    {
        const string Provider = ViberProviders.DecisionTelecom;
        var (baseOf, local) = await BenchmarkEmulator.ConnectAsync();
        var address = baseOf(Provider);
        var recorder = new RecordingHandler();
        using (var recording = new RawClient(Provider, address, recorder))
        {
            await recording.SendAsync();
        }

        var answer = recorder.Answer!;
        if (local is not null)
        {
            await local.DisposeAsync();
        }

        await using var services = Subjects.Sdk(Provider, address, () => new InMemoryHandler(answer));
        var sender = services.GetRequiredKeyedService<IViberSender>(Provider);
        var message = Subjects.Message(Provider);
        using var raw = new RawClient(Provider, address, new InMemoryHandler(answer));
        var pipelines = ProviderRegistration.Infrastructure(services, Provider).Pipelines;
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var named = factory.CreateClient(ProviderRegistration.HttpClientName(Provider));
        using var bare = new HttpClient(new InMemoryHandler(answer)) { BaseAddress = address };
        var check = (IViberMessageCheck)sender;
        var json = DecisionTelecomJsonContext.Default;
        var completed = new HttpResponseMessage(HttpStatusCode.OK);
        var sendBody = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, message.Recipients[0]);

        var stages = new (string Name, Func<ValueTask> Run)[]
        {
            ("raw HttpClient send", async () => await raw.SendAsync()),
            ("SDK SendAsync", async () => await sender.SendAsync(message)),
            ("bare HttpClient+InMemory, ViberRequestMessage, headers-read", async () =>
            {
                using var request = ViberRequestOptions.Create(HttpMethod.Post, DecisionTelecomViberClient.SendPath, new ReadOnlyMemoryContent(answer), "send", idempotent: false);
                using var response = await bare.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            }),
            ("named client (handler chain), ReadOnlyMemoryContent", async () =>
            {
                using var request = ViberRequestOptions.Create(HttpMethod.Post, DecisionTelecomViberClient.SendPath, new ReadOnlyMemoryContent(answer), "send", idempotent: false);
                using var response = await named.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            }),
            ("Operation pipeline, completed callback", async () =>
            {
                var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
                context.Properties.Set(ProviderPipelines.RequestKey, completedRequest);
                var outcome = await pipelines.Operation.ExecuteOutcomeAsync(static (_, r) => new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromResult(r)), context, completed);
                ResilienceContextPool.Shared.Return(context);
            }),
            ("Attempt pipeline, completed callback", async () => await pipelines.Attempt.ExecuteAsync(static (r, _) => new ValueTask<HttpResponseMessage>(r), completed, CancellationToken.None)),
            ("Check (validation)", () => { check.Check(message); return default; }),
            ("request body: map + PooledJsonContent serialize + request + dispose", () =>
            {
                var body = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, message.Recipients[0]);
                using var request = ViberRequestOptions.Create(HttpMethod.Post, DecisionTelecomViberClient.SendPath, new PooledJsonContent<SendViberRequest>(body, json.SendViberRequest), "send", idempotent: false);
                request.Content!.Headers.ContentLength.ToString();
                return default;
            }),
            ("answer: deserialize SendViberResponse", () => { JsonSerializer.Deserialize(answer, json.SendViberResponse); return default; }),
            ("answer: IsRateLimited body scan", () => { DecisionTelecomErrorMapper.IsRateLimited(answer, HttpStatusCode.OK); return default; }),
            ("answer: JsonDocument id (raw's way)", () => { using var d = JsonDocument.Parse(answer); d.RootElement.GetProperty("message_id").GetInt64(); return default; }),
            ("telemetry start + succeeded", () => { OperationTelemetry.Start(Provider, ViberOperation.Send).Succeeded(); return default; }),
            ("BufferedContent.ReadAsync of ByteArrayContent", async () =>
            {
                var content = new ByteArrayContent(answer);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
                using var buffered = await BufferedContent.ReadAsync(response, completedRequest, Provider, 1 << 20, CancellationToken.None);
            }),
            ("InMemory response only (ByteArrayContent + content type + message)", () =>
            {
                var content = new ByteArrayContent(answer);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
                return default;
            }),
            ("new Uri(relative)", () => { _ = new Uri(DecisionTelecomViberClient.SendPath, UriKind.Relative); return default; }),
            ("new Uri(base, relative Uri)", () => { _ = new Uri(address, new Uri(DecisionTelecomViberClient.SendPath, UriKind.Relative)); return default; }),
            ("ViberRequestMessage + PooledJsonContent ctor + dispose (no serialize)", () =>
            {
                var body = DecisionTelecomRequestMapper.ToDecisionTelecomSend(message, message.Recipients[0]);
                using var request = ViberRequestOptions.Create(HttpMethod.Post, DecisionTelecomViberClient.SendPath, new PooledJsonContent<SendViberRequest>(body, json.SendViberRequest), "send", idempotent: false);
                return default;
            }),
            ("serialize only (PooledJsonContent.Body)", () =>
            {
                using var content = new PooledJsonContent<SendViberRequest>(sendBody, json.SendViberRequest);
                _ = content.Body;
                return default;
            }),
        };

        foreach (var (name, run) in stages)
        {
            for (var i = 0; i < 20_000; i++)
            {
                await run();
            }
        }

        var rounds = stages.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < 15; round++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < 10_000; i++)
                {
                    await stages[s].Run();
                }

                rounds[s].Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / 10_000);
            }
        }

        for (var s = 0; s < stages.Length; s++)
        {
            rounds[s].Sort();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                await stages[s].Run();
            }

            var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1000.0;
            Console.WriteLine($"{rounds[s][rounds[s].Count / 2],8:0} ns {bytes,7:0} B  {stages[s].Name}");
        }
    }

    private static readonly HttpRequestMessage completedRequest = ViberRequestOptions.Create(HttpMethod.Post, "x", null, "send", idempotent: false);
}
