using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ViberMessaging;

/// <summary>Settings every provider account has: where it lives, how it is paced, how failures are handled.</summary>
/// <remarks>
/// Credentials live in each provider's own options; <see cref="object.ToString"/> never prints them. Every registered
/// account's options are also a keyed service of this type (<c>GetRequiredKeyedService&lt;ViberProviderOptions&gt;(name)</c>),
/// for code that treats every account alike.
/// </remarks>
public abstract class ViberProviderOptions
{
    /// <summary>Creates options with the provider's production endpoint.</summary>
    /// <param name="baseAddress">The provider's documented production endpoint.</param>
    /// <param name="permitLimit">The provider's documented requests per second.</param>
    private protected ViberProviderOptions(Uri baseAddress, int permitLimit)
    {
        BaseAddress = baseAddress;
        Pacing = new PacingOptions { PermitLimit = permitLimit };
    }

    /// <summary>The provider's API endpoint. Point it at <c>ViberMessaging.Testing</c>'s emulator in tests.</summary>
    /// <value>The provider's documented production endpoint.</value>
    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>How requests are paced to the provider's rate limit.</summary>
    [Required]
    [ValidateObjectMembers]
    public PacingOptions Pacing { get; set; }

    /// <summary>Retries, timeouts and the circuit breaker.</summary>
    [Required]
    [ValidateObjectMembers]
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>How many requests of one send (or status query) may be in flight at once; pacing still applies.</summary>
    /// <value>4.</value>
    [Range(1, 256)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>The largest response body read; a larger one fails with <see cref="ViberErrorCode.MalformedResponse"/> without reading the rest.</summary>
    /// <value>1 MiB.</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How far in the past <see cref="MessageSchedule.SendAt"/> (and <see cref="MessageSchedule.SendUntil"/>) may lie
    /// and still be accepted, for clock skew between this machine and the provider's: providers send a schedule in the
    /// past at once, so one further back fails with <see cref="ViberValidationException"/> (rule <c>Future</c>) before
    /// any request. A schedule within it goes out now.
    /// </summary>
    /// <value>1 minute.</value>
    public TimeSpan ScheduleClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Returns the endpoint and the pacing, never credentials.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
        => $"{GetType().Name} {{ BaseAddress = {BaseAddress}, Pacing = {Pacing.PermitLimit}/{Pacing.Window.TotalSeconds:0.###}s, Credentials = *** }}";
}
