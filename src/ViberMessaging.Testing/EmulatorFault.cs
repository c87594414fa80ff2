using System.Globalization;

namespace ViberMessaging.Testing;

/// <summary>A fault the emulator injects into the next requests of a provider (see <see cref="ViberEmulator.InjectFault"/>).</summary>
public sealed class EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind, bool acceptsRequest, TimeSpan? delay = null, TimeSpan? retryAfter = null, bool retryAfterAsDate = false)
    {
        Kind = kind;
        AcceptsRequest = acceptsRequest;
        Delay = delay;
        RetryAfter = retryAfter;
        RetryAfterAsDate = retryAfterAsDate;
    }

    /// <summary>What the fault does.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>Whether the emulator processes (accepts) the request before the fault strikes: a send is then recorded as delivered.</summary>
    public bool AcceptsRequest { get; }

    /// <summary>The delay of <see cref="EmulatorFaultKind.Delay"/>.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>The Retry-After of <see cref="EmulatorFaultKind.RateLimited"/>, if one is sent.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether Retry-After is sent as an HTTP date rather than seconds.</summary>
    public bool RetryAfterAsDate { get; }

    /// <summary>HTTP 500 before the request is processed.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ServerError() => new(EmulatorFaultKind.ServerError, false);

    /// <summary>The request is processed, then answered with HTTP 500.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ServerErrorAfterAccept() => new(EmulatorFaultKind.ServerError, true);

    /// <summary>HTTP 429 in the provider's format, optionally with Retry-After.</summary>
    /// <param name="retryAfter">The Retry-After to send, or <see langword="null"/> for none.</param>
    /// <param name="asHttpDate">Send Retry-After as an HTTP date instead of seconds.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault RateLimited(TimeSpan? retryAfter = null, bool asHttpDate = false) => new(EmulatorFaultKind.RateLimited, false, retryAfter: retryAfter, retryAfterAsDate: asHttpDate);

    /// <summary>Waits before processing the request normally.</summary>
    /// <param name="delay">How long.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Delayed(TimeSpan delay) => new(EmulatorFaultKind.Delay, false, delay: delay);

    /// <summary>The request is processed, then answered with HTTP 200 and a body that is not JSON.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault MalformedAfterAccept() => new(EmulatorFaultKind.Malformed, true);

    /// <summary>The request is processed, then answered with the first half of the real body and the connection is cut.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault TruncatedAfterAccept() => new(EmulatorFaultKind.Truncated, true);

    /// <summary>The request is processed, then answered with HTTP 200 and an empty body.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault EmptyAfterAccept() => new(EmulatorFaultKind.Empty, true);

    /// <summary>The connection is reset before the request is read: nothing is processed.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ResetBeforeRead() => new(EmulatorFaultKind.Reset, false);

    /// <summary>The request is processed, then the connection is reset without an answer.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ResetAfterAccept() => new(EmulatorFaultKind.Reset, true);

    /// <summary>The request is processed, then no answer ever comes (until the client gives up).</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault HangAfterAccept() => new(EmulatorFaultKind.Hang, true);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}{(AcceptsRequest ? " after accept" : string.Empty)}");
}

/// <summary>The kinds of <see cref="EmulatorFault"/>.</summary>
public enum EmulatorFaultKind
{
    /// <summary>HTTP 500.</summary>
    ServerError,

    /// <summary>HTTP 429.</summary>
    RateLimited,

    /// <summary>A delay before a normal answer.</summary>
    Delay,

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    Malformed,

    /// <summary>Half a body, then the connection is cut.</summary>
    Truncated,

    /// <summary>HTTP 200 with no body.</summary>
    Empty,

    /// <summary>The connection is reset.</summary>
    Reset,

    /// <summary>No answer at all.</summary>
    Hang,
}
