using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// One request to an emulated endpoint, read leniently, as the gateways read it: its path below the provider's prefix,
/// its body as JSON (whatever the content type claims; a <c>null</c> property is an absent one) and, for providers
/// that take parameters wherever they come, its <see cref="EmulatorParameters"/>.
/// </summary>
internal sealed class EmulatorCall : IDisposable
{
    private JsonDocument? _json;
    private bool _jsonRead;

    private EmulatorCall(HttpContext context, string path, EmulatorParameters? parameters)
    {
        Context = context;
        Path = path;
        Parameters = parameters;
    }

    public HttpContext Context { get; }

    /// <summary>The path below the provider's base address, for example <c>/send</c>.</summary>
    public string Path { get; }

    /// <summary>The request's parameters, for a provider that reads them from the query, a form or JSON alike.</summary>
    public EmulatorParameters? Parameters { get; }

    /// <summary>The body as JSON, or <see langword="null"/> when it is empty or not JSON.</summary>
    public JsonElement? Json
    {
        get
        {
            if (!_jsonRead)
            {
                _json = EmulatorJson.TryParse(Context);
                _jsonRead = true;
            }

            return _json?.RootElement;
        }
    }

    /// <summary>The body when it is a JSON object, else <see langword="null"/>.</summary>
    public JsonElement? JsonObject => Json is { ValueKind: JsonValueKind.Object } root ? root : null;

    public static async Task<EmulatorCall> ReadAsync(HttpContext context, string path, bool readParameters)
        => new(context, path, readParameters ? await EmulatorParameters.ReadAsync(context).ConfigureAwait(false) : null);

    public void Dispose()
    {
        _json?.Dispose();
        Parameters?.Dispose();
    }
}
