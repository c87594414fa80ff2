namespace ViberMessaging.Http;

/// <summary>
/// A provider's error, as its error parser read it: what a provider supplies to the kit (after Azure.Core's
/// <c>RequestFailedDetailsParser</c>). Whether the request may have been processed is not the parser's call but
/// <see cref="Resilience.SendOutcomeRules"/>'s.
/// </summary>
/// <param name="Code">The error in neutral terms.</param>
/// <param name="Message">The sentence for the caller (redacted when thrown).</param>
internal sealed record ProviderError(ViberErrorCode Code, string Message)
{
    /// <summary>The provider's own code, as sent.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>The provider's own words, as sent.</summary>
    public string? ProviderMessage { get; init; }

    /// <summary>Whether the provider's documents say this error may come after it processed the request.</summary>
    public bool MayFollowProcessing { get; init; }

    /// <summary>The provider's error as it parsed it (its wire record), for an adapter that maps a refusal to a per-item result.</summary>
    public object? Raw { get; init; }
}
