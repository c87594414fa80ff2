using System.Globalization;
using Microsoft.Extensions.Options;

namespace ViberMessaging.Devino;

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
