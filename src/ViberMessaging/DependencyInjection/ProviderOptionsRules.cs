using Microsoft.Extensions.Options;

namespace ViberMessaging.DependencyInjection;

/// <summary>Cross-field rules every provider's options share; every failure is reported at once.</summary>
internal sealed class ProviderOptionsRules<TOptions> : IValidateOptions<TOptions>
    where TOptions : ViberProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        var prefix = $"ViberMessaging:{name}:";
        if (options.BaseAddress is { } address
            && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{prefix}BaseAddress must be an absolute http or https URL; '{address.OriginalString}' is not.");
        }

        Range(failures, prefix + "ScheduleClockSkew", options.ScheduleClockSkew, TimeSpan.Zero, TimeSpan.FromDays(1));
        if (options.Pacing is { } pacing)
        {
            if (pacing.Burst is { } burst && burst > pacing.PermitLimit)
            {
                failures.Add($"{prefix}Pacing:Burst ({burst}) cannot exceed Pacing:PermitLimit ({pacing.PermitLimit}): the provider allows no more per window.");
            }

            // TimeSpan ranges are checked here: [Range(typeof(TimeSpan), …)] is not trim-safe.
            Range(failures, prefix + "Pacing:Window", pacing.Window, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
            Range(failures, prefix + "Pacing:SafetyMargin", pacing.SafetyMargin, TimeSpan.Zero, TimeSpan.FromMinutes(1));
            Range(failures, prefix + "Pacing:RateLimitedPause", pacing.RateLimitedPause, TimeSpan.Zero, TimeSpan.FromHours(1));
            Range(failures, prefix + "Pacing:RecoveryPeriod", pacing.RecoveryPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        }

        if (options.Resilience is { } resilience)
        {
            Range(failures, prefix + "Resilience:BaseDelay", resilience.BaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
            Range(failures, prefix + "Resilience:MaxRetryAfter", resilience.MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromHours(1));
            Range(failures, prefix + "Resilience:AttemptTimeout", resilience.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
            Range(failures, prefix + "Resilience:TotalTimeout", resilience.TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
            Range(failures, prefix + "Resilience:CircuitBreakerSamplingDuration", resilience.CircuitBreakerSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1));
            Range(failures, prefix + "Resilience:CircuitBreakerBreakDuration", resilience.CircuitBreakerBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1));
            if (resilience.TotalTimeout is { } total && total < resilience.AttemptTimeout)
            {
                failures.Add($"{prefix}Resilience:TotalTimeout ({total}) is shorter than Resilience:AttemptTimeout ({resilience.AttemptTimeout}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, TimeSpan? value, TimeSpan min, TimeSpan max)
    {
        if (value is { } v && (v < min || v > max))
        {
            failures.Add($"{key} must be between {min} and {max}; it is {v}.");
        }
    }
}
