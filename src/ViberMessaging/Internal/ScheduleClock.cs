using System.Globalization;

namespace ViberMessaging.Internal;

/// <summary>
/// "Now" for the rule that a schedule may not lie in the past, with the clock skew allowed between this machine and
/// the provider (<see cref="ViberProviderOptions.ScheduleClockSkew"/>). Providers send a past schedule at once.
/// </summary>
internal readonly record struct ScheduleClock(DateTimeOffset Now, TimeSpan Skew)
{
    public static ScheduleClock For(TimeProvider timeProvider, ViberProviderOptions options) => new(timeProvider.GetUtcNow(), options.ScheduleClockSkew);

    /// <summary>Adds a <c>Future</c> error for <paramref name="field"/> when <paramref name="instant"/> lies further back than the skew allows.</summary>
    public void RequireFuture(ValidationErrors errors, string field, DateTimeOffset instant)
    {
        if (instant < Now - Skew)
        {
            errors.Add(field, "Future", string.Create(
                CultureInfo.InvariantCulture,
                $"{field} ({instant:yyyy-MM-dd HH:mm:ss zzz}) is in the past: it is {Now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC now, and up to {Skew.TotalSeconds:0.###} s of clock skew is allowed (ScheduleClockSkew). The provider would send at once; leave Schedule unset to send now."));
        }
    }
}
