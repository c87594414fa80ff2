using System.ComponentModel.DataAnnotations;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// Settings of one DecisionTelecom account: the user hash key, how it is sent, the endpoint, pacing and resilience.
/// Bound from the <c>ViberMessaging:DecisionTelecom</c> configuration section (for example the environment variable
/// <c>ViberMessaging__DecisionTelecom__ApiKey</c>); unknown keys are rejected and every rule is checked at start-up.
/// </summary>
/// <remarks><see cref="object.ToString"/> never prints the key.</remarks>
public sealed class DecisionTelecomOptions : ViberProviderOptions
{
    /// <summary>DecisionTelecom's production endpoint.</summary>
    public const string DefaultBaseAddress = "https://web.it-decision.com/";

    /// <summary>DecisionTelecom documents no rate limit: 10 requests per second is a conservative default.</summary>
    public const int DefaultPermitLimit = 10;

    /// <summary>
    /// Creates options with the production endpoint <c>https://web.it-decision.com/</c> and pacing of 10 requests per
    /// second. DecisionTelecom documents no rate limit; raise <c>Pacing.PermitLimit</c> if your account manager
    /// confirms a higher one.
    /// </summary>
    public DecisionTelecomOptions()
        : base(new Uri(DefaultBaseAddress), DefaultPermitLimit)
    {
    }

    /// <summary>The user hash key your DecisionTelecom account manager issued. Required.</summary>
    /// <value><see langword="null"/> by default; start-up fails until it is set.</value>
    [Required]
    public string? ApiKey { get; set; }

    /// <summary>How <see cref="ApiKey"/> goes into the <c>Authorization: Basic</c> header.</summary>
    /// <value><see cref="DecisionTelecomKeyEncoding.Base64"/>: <c>Basic base64(key)</c>.</value>
    public DecisionTelecomKeyEncoding KeyEncoding { get; set; } = DecisionTelecomKeyEncoding.Base64;
}
