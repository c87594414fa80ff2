using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

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
    public const string ProductionAddress = "https://viber.devinotele.com:444";

    /// <summary>The requests per second the account is paced to: Devino documents no rate limit, so a cautious one.</summary>
    public const int DefaultPermitLimit = 10;

    /// <summary>The most messages (or status ids) Devino accepts in one request.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Creates options with Devino's production endpoint and <see cref="DefaultPermitLimit"/> requests per second.</summary>
    public DevinoOptions()
        : base(new Uri(ProductionAddress), DefaultPermitLimit)
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

/// <summary>The data-annotation rules of <see cref="DevinoOptions"/>, generated at compile time (trim-safe).</summary>
[OptionsValidator]
internal sealed partial class DevinoOptionsValidator : IValidateOptions<DevinoOptions>
{
}

/// <summary>The rules of <see cref="DevinoOptions"/> that span fields or are not trim-safe as attributes; every failure is reported.</summary>
internal sealed class DevinoOptionsRules : IValidateOptions<DevinoOptions>
{
    public ValidateOptionsResult Validate(string? name, DevinoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = $"ViberMessaging:{name}:";
        // Login and Password being present is a data annotation ([Required]); only their shape is checked here.
        if (options.Login is { } login && login.Contains(':', StringComparison.Ordinal))
        {
            // HTTP Basic splits "login:password" at the first ':', so such a login can never authenticate.
            failures.Add($"{prefix}Login cannot contain ':' (HTTP Basic credentials are 'login:password').");
        }

        if (options.DefaultPriority is { } priority && !Enum.IsDefined(priority))
        {
            failures.Add($"{prefix}DefaultPriority '{priority}' is not one of Low, Normal, High, Realtime.");
        }

        if (options.DefaultValidityPeriod is { } validity)
        {
            var min = DevinoMessageValidator.MinValidityPeriod;
            var max = DevinoMessageValidator.MaxValidityPeriod;
            if (validity < min || validity > max || validity.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                failures.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{prefix}DefaultValidityPeriod must be whole seconds between {min.TotalSeconds} and {max.TotalSeconds} seconds; it is {validity}."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
