using System.ComponentModel.DataAnnotations;

namespace ViberMessaging.Devino;

/// <summary>
/// Settings of one Devino Telecom account (the Viber HTTP API at <c>https://viber.devinotele.com:444</c>):
/// credentials, message defaults, request sizes, pacing and resilience.
/// </summary>
/// <remarks>
/// Bound from the configuration section <c>ViberMessaging:Devino</c> (for example the environment variables
/// <c>ViberMessaging__Devino__Login</c> and <c>ViberMessaging__Devino__Password</c>); unknown keys are rejected and
/// every rule is checked at start-up. <see cref="object.ToString"/> never prints the credentials.
/// </remarks>
public sealed class DevinoOptions : ViberProviderOptions
{
    /// <summary>Devino's documented production endpoint.</summary>
    public const string DefaultBaseAddress = "https://viber.devinotele.com:444/";

    /// <summary>The requests per second the account is paced to: Devino documents no rate limit, so a cautious one.</summary>
    public const int DefaultPermitLimit = 10;

    /// <summary>The most messages (or status ids) Devino accepts in one request.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Creates options with Devino's production endpoint and <see cref="DefaultPermitLimit"/> requests per second.</summary>
    public DevinoOptions()
        : base(new Uri(DefaultBaseAddress), DefaultPermitLimit)
    {
    }

    /// <summary>The account's login (from Devino's personal account), sent with <see cref="Password"/> as HTTP Basic credentials.</summary>
    /// <value><see langword="null"/>; required. It cannot contain ':'.</value>
    [Required]
    public string? Login { get; set; }

    /// <summary>The account's password, sent with <see cref="Login"/> as HTTP Basic credentials.</summary>
    /// <value><see langword="null"/>; required.</value>
    [Required]
    public string? Password { get; set; }

    /// <summary>
    /// The priority sent when a message sets no <see cref="ViberMessage.Priority"/>.
    /// </summary>
    /// <value>
    /// <see langword="null"/>: derived from <see cref="ViberMessage.Kind"/>, <c>high</c> for transactional (or not chosen) and
    /// <c>low</c> for promotional messages, as Devino recommends.
    /// </value>
    public MessagePriority? DefaultPriority { get; set; }

    /// <summary>
    /// How long Devino tries to deliver a Viber message (<c>validityPeriodSec</c>) when the message sets no
    /// <see cref="ViberMessage.TimeToLive"/>; whole seconds from 30 s to 24 h.
    /// </summary>
    /// <value><see langword="null"/>: not sent, so Devino uses its maximum (24 hours).</value>
    public TimeSpan? DefaultValidityPeriod { get; set; }

    /// <summary>How many recipients one <c>/send</c> request carries; longer lists are split into several paced requests.</summary>
    /// <value>100, Devino's limit.</value>
    [Range(1, MaxBatchSize)]
    public int MaxMessagesPerRequest { get; set; } = MaxBatchSize;

    /// <summary>How many message ids one <c>/status</c> request carries; longer lists are split.</summary>
    /// <value>100, Devino's limit.</value>
    [Range(1, MaxBatchSize)]
    public int MaxIdsPerStatusRequest { get; set; } = MaxBatchSize;
}
