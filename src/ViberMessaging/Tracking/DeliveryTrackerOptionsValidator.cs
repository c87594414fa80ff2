using Microsoft.Extensions.Options;

namespace ViberMessaging.Tracking;

/// <summary>Every problem of <see cref="DeliveryTrackerOptions"/> at once, by property.</summary>
internal sealed class DeliveryTrackerOptionsValidator : IValidateOptions<DeliveryTrackerOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryTrackerOptions options)
    {
        var failures = new List<string>();
        if (options.FirstPollAfter <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(DeliveryTrackerOptions.FirstPollAfter)} must be positive (was {options.FirstPollAfter}).");
        }

        if (options.MaxPollInterval < options.FirstPollAfter)
        {
            failures.Add($"{nameof(DeliveryTrackerOptions.MaxPollInterval)} must be at least {nameof(DeliveryTrackerOptions.FirstPollAfter)} (was {options.MaxPollInterval}).");
        }

        if (options.MaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(DeliveryTrackerOptions.MaxAge)} must be positive (was {options.MaxAge}).");
        }

        if (double.IsNaN(options.PollingShare) || options.PollingShare is < 0.01 or > 1)
        {
            failures.Add($"{nameof(DeliveryTrackerOptions.PollingShare)} must be between 0.01 and 1 (was {options.PollingShare}).");
        }

        if (options.CallbackSilence <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(DeliveryTrackerOptions.CallbackSilence)} must be positive (was {options.CallbackSilence}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
