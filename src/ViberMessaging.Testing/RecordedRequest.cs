namespace ViberMessaging.Testing;

/// <summary>One request the emulator received, and what it answered.</summary>
public sealed class RecordedRequest
{
    /// <summary>The provider it was addressed to (for example <c>SmsClub</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path below the provider's base address, for example <c>/vibers/send</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The query string, including <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The request headers.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The request body as UTF-8 text.</summary>
    public required string Body { get; init; }

    /// <summary>The raw request body.</summary>
    public required byte[] RawBody { get; init; }

    /// <summary>When it arrived, by the emulator's clock.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The HTTP status answered (0 when the connection was cut or never answered).</summary>
    public int ResponseStatus { get; internal set; }

    /// <summary>The response body answered, if any.</summary>
    public string? ResponseBody { get; internal set; }

    /// <summary>The fault injected into this request, if any.</summary>
    public EmulatorFault? Fault { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider} {Method} {Path}{Query} → {ResponseStatus}";
}
