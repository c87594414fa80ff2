using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ViberMessaging.Http;
using ViberMessaging.SmsClub;

namespace ViberMessaging.Benchmarks;

/// <summary>
/// SMS Club's largest request (500 recipients) and its answer, without any transport: the body as the SDK writes it
/// (mapper → wire record → source-generated JSON into a pooled buffer → the request stream) against the same body
/// built as a string first; and the answer parsed into per-recipient results against a <see cref="JsonDocument"/>
/// walk that collects the ids. The recipients and the parsed bytes are the caller's data, made once.
/// </summary>
public class WireBenchmarks
{
    private static readonly SmsClubJsonContext Json = SmsClubJsonContext.Default;
    private ViberMessage _message = null!;
    private PhoneNumber[] _phones = null!;
    private MessageId[] _ids = null!;
    private byte[] _sendAnswer = null!;
    private byte[] _statusAnswer = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _phones = Enumerable.Range(0, 500).Select(i => PhoneNumber.Parse((380670000000L + i).ToString(CultureInfo.InvariantCulture))).ToArray();
        _message = new ViberMessage { Sender = "MyShop", Recipients = _phones, Text = "Spring sale: 20 % off everything until Sunday." };

        // Real answers: the emulator's, to a real 500-recipient send and a status query of its 500 ids.
        var (baseOf, local) = await BenchmarkEmulator.ConnectAsync();
        try
        {
            var recorder = new RecordingHandler();
            using var http = new HttpClient(recorder) { BaseAddress = baseOf(ViberProviders.SmsClub) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkEmulator.Credentials.SmsClubToken);
            using (var content = new PooledJsonContent<SmsClubSendRequest>(SmsClubRequestMapper.ToSmsClubSendRequest(_message, _phones), Json.SmsClubSendRequest))
            {
                (await http.PostAsync("vibers/send", content)).EnsureSuccessStatusCode();
            }

            _sendAnswer = recorder.Answer!;
            var sent = JsonSerializer.Deserialize(_sendAnswer, Json.SendResponse)!.SuccessfulRequest!.RequestData!;
            _ids = SmsClubResponseMapper.FromSmsClubSendResponse(sent, ViberProviders.SmsClub, _phones).Select(r => r.MessageId!.Value).ToArray();
            using (var content = new PooledJsonContent<SmsClubStatusRequest>(SmsClubRequestMapper.ToSmsClubStatusRequest(_ids), Json.SmsClubStatusRequest))
            {
                (await http.PostAsync("vibers/status", content)).EnsureSuccessStatusCode();
            }

            _statusAnswer = recorder.Answer!;
        }
        finally
        {
            if (local is not null)
            {
                await local.DisposeAsync();
            }
        }
    }

    [Benchmark(Baseline = true, Description = "send 500: string first (JsonSerializer.Serialize + StringContent)")]
    [BenchmarkCategory("build")]
    public async Task BuildSendAsStringFirst()
    {
        var body = SmsClubRequestMapper.ToSmsClubSendRequest(_message, _phones);
        using var content = new StringContent(JsonSerializer.Serialize(body, Json.SmsClubSendRequest), Encoding.UTF8, "application/json");
        await content.CopyToAsync(Stream.Null);
    }

    [Benchmark(Description = "send 500: ViberMessaging (pooled, straight to the stream)")]
    [BenchmarkCategory("build")]
    public async Task BuildSend()
    {
        using var content = new PooledJsonContent<SmsClubSendRequest>(SmsClubRequestMapper.ToSmsClubSendRequest(_message, _phones), Json.SmsClubSendRequest);
        await content.CopyToAsync(Stream.Null);
    }

    [Benchmark(Description = "status 500: ViberMessaging (pooled, straight to the stream)")]
    [BenchmarkCategory("build")]
    public async Task BuildStatus()
    {
        using var content = new PooledJsonContent<SmsClubStatusRequest>(SmsClubRequestMapper.ToSmsClubStatusRequest(_ids), Json.SmsClubStatusRequest);
        await content.CopyToAsync(Stream.Null);
    }

    [Benchmark(Description = "send answer 500: JsonDocument, ids into a List<string>")]
    [BenchmarkCategory("parse")]
    public List<string> ParseSendWithJsonDocument()
    {
        using var answer = JsonDocument.Parse(_sendAnswer);
        var messages = answer.RootElement.GetProperty("successfulRequest").GetProperty("requestData").GetProperty("messages");
        var ids = new List<string>(messages.GetArrayLength());
        foreach (var message in messages.EnumerateArray())
        {
            ids.Add(message.GetProperty("id").GetString()!);
        }

        return ids;
    }

    [Benchmark(Description = "send answer 500: ViberMessaging (wire records → RecipientResult per recipient)")]
    [BenchmarkCategory("parse")]
    public IReadOnlyList<RecipientResult> ParseSend()
        => SmsClubResponseMapper.FromSmsClubSendResponse(JsonSerializer.Deserialize(_sendAnswer, Json.SendResponse)!.SuccessfulRequest!.RequestData!, ViberProviders.SmsClub, _phones);

    [Benchmark(Description = "status answer 500: ViberMessaging (wire records → DeliveryReport per id)")]
    [BenchmarkCategory("parse")]
    public IReadOnlyList<DeliveryReport> ParseStatus()
        => SmsClubResponseMapper.FromSmsClubStatusResponse(JsonSerializer.Deserialize(_statusAnswer, Json.StatusResponse)!.SuccessfulRequest!.RequestData!, ViberProviders.SmsClub);
}
