using Microsoft.Extensions.Time.Testing;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> at the suite's instant, Thursday 2026-01-15 10:00 UTC (12:00 in Kyiv,
/// inside every scheduling window). <see cref="FakeTimeProvider.Advance(TimeSpan)"/> moves the clock to the target
/// and then fires the timers that fell due, late, as after a thread-pool stall: step it to see timers at their instants.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
