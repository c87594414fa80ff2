using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.DependencyInjection;

namespace ViberMessaging.Benchmarks;

/// <summary>One single-recipient message per provider, and the SDK registered for it with pacing off.</summary>
internal static class Subjects
{
    public static ViberMessage Message(string provider) => provider switch
    {
        ViberProviders.SmsClub => new() { Sender = "MyShop", Recipients = [PhoneNumber.Parse("380989361121")], Text = "Your order 1042 has shipped." },
        ViberProviders.Devino => new() { Sender = "Shop", Recipients = [PhoneNumber.Parse("79250000009")], Text = "Your order 1042 has shipped." },
        ViberProviders.DecisionTelecom => new() { Sender = "Shop", Recipients = [PhoneNumber.Parse("380504444444")], Text = "Your order 1042 has shipped." },
        ViberProviders.SmsBy => new() { Sender = "MyShop", Recipients = [PhoneNumber.Parse("375291234567")], Text = "Your order 1042 has shipped." },
        _ => throw new ArgumentException(provider, nameof(provider)),
    };

    public static ServiceProvider Sdk(string provider, Uri baseAddress, Func<HttpMessageHandler>? primary = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddViberMessaging();
        var credentials = BenchmarkEmulator.Credentials;
        switch (provider)
        {
            case ViberProviders.SmsClub:
                builder.AddSmsClub(o => Common(o, baseAddress, () => o.Token = credentials.SmsClubToken));
                break;
            case ViberProviders.Devino:
                builder.AddDevino(o => Common(o, baseAddress, () => (o.Login, o.Password) = (credentials.DevinoLogin, credentials.DevinoPassword)));
                break;
            case ViberProviders.DecisionTelecom:
                builder.AddDecisionTelecom(o => Common(o, baseAddress, () => o.ApiKey = credentials.DecisionTelecomApiKey));
                break;
            case ViberProviders.SmsBy:
                builder.AddSmsBy(o => Common(o, baseAddress, () => (o.Token, o.ViberSenders["MyShop"]) = (credentials.SmsByToken, 101)));
                break;
        }

        if (primary is not null)
        {
            services.AddHttpClient(ProviderRegistration.HttpClientName(provider)).ConfigurePrimaryHttpMessageHandler(primary);
        }

        return services.BuildServiceProvider();

        static void Common(ViberProviderOptions options, Uri baseAddress, Action credentials)
        {
            options.BaseAddress = baseAddress;
            options.Pacing.Enabled = false;
            credentials();
        }
    }
}

/// <summary>
/// What a user writes in place of the SDK for one provider: an HttpClient with the credentials set once, the body
/// written by hand (System.Text.Json's <see cref="Utf8JsonWriter"/>; SMS.by's quick send is a form), POST, the id
/// read back with <see cref="JsonDocument"/>.
/// </summary>
internal sealed class RawClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _provider;
    private readonly ViberMessage _message;

    public RawClient(string provider, Uri baseAddress, HttpMessageHandler handler)
    {
        _provider = provider;
        _message = Subjects.Message(provider);
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
        var credentials = BenchmarkEmulator.Credentials;
        _http.DefaultRequestHeaders.Authorization = provider switch
        {
            ViberProviders.SmsClub => new AuthenticationHeaderValue("Bearer", credentials.SmsClubToken),
            ViberProviders.Devino => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.DevinoLogin + ":" + credentials.DevinoPassword))),
            ViberProviders.DecisionTelecom => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.DecisionTelecomApiKey))),
            _ => null,
        };
    }

    /// <summary>Sends the message; returns the provider's id for it.</summary>
    public async Task<string> SendAsync(CancellationToken cancellationToken = default)
    {
        var phone = _message.Recipients[0].Digits;
        using var content = _provider == ViberProviders.SmsBy
            ? new FormUrlEncodedContent(
            [
                new("token", BenchmarkEmulator.Credentials.SmsByToken),
                new("vibername_id", "101"),
                new("phone", phone),
                new("type_message", "TEXT"),
                new("message", _message.Text!),
            ])
            : JsonBody(phone);
        using var response = await _http.PostAsync(Path, content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var answer = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = answer.RootElement;
        return _provider switch
        {
            ViberProviders.SmsClub => root.GetProperty("successfulRequest").GetProperty("requestData").GetProperty("messages")[0].GetProperty("id").GetString()!,
            ViberProviders.Devino => root.GetProperty("messages")[0].GetProperty("providerId").GetInt64().ToString(CultureInfo.InvariantCulture),
            ViberProviders.DecisionTelecom => root.GetProperty("message_id").GetInt64().ToString(CultureInfo.InvariantCulture),
            _ => root.GetProperty("result").GetProperty("message_id").GetInt64().ToString(CultureInfo.InvariantCulture),
        };
    }

    public void Dispose() => _http.Dispose();

    private string Path => _provider switch
    {
        ViberProviders.SmsClub => "vibers/send",
        ViberProviders.Devino => "send",
        ViberProviders.DecisionTelecom => "v1/api/send-viber",
        _ => "api/v2/sendQuickViberMessage",
    };

    private HttpContent JsonBody(string phone)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            switch (_provider)
            {
                case ViberProviders.SmsClub:
                    writer.WriteString("sender", _message.Sender);
                    writer.WriteStartArray("phones");
                    writer.WriteStringValue(phone);
                    writer.WriteEndArray();
                    writer.WriteString("message", _message.Text);
                    break;
                case ViberProviders.Devino:
                    writer.WriteBoolean("resendSms", false);
                    writer.WriteStartArray("messages");
                    writer.WriteStartObject();
                    writer.WriteString("subject", _message.Sender);
                    writer.WriteString("priority", "high");
                    writer.WriteString("type", "viber");
                    writer.WriteString("contentType", "text");
                    writer.WriteStartObject("content");
                    writer.WriteString("text", _message.Text);
                    writer.WriteEndObject();
                    writer.WriteString("address", phone);
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteString("source_addr", _message.Sender);
                    writer.WriteString("destination_addr", phone);
                    writer.WriteNumber("message_type", 106);
                    writer.WriteString("text", _message.Text);
                    writer.WriteNumber("source_type", 2);
                    break;
            }

            writer.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}

/// <summary>A transport that answers from memory: it reads the request body as a socket would, then returns a recorded answer.</summary>
internal sealed class InMemoryHandler(byte[] answer) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        var content = new ByteArrayContent(answer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}

/// <summary>Records what the emulator answers to one request, for the in-memory transport.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public byte[]? Answer { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        response.Content = new ByteArrayContent(Answer);
        return response;
    }
}
