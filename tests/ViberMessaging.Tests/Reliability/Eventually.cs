using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Waits (in real time, polling) for asynchronous work to reach a state; fails after a generous limit. The one place
/// unit tests may wait in real time: for an event that must come, never to see that something did not.
/// </summary>
internal static class Eventually
{
    /// <summary>The SDK's "attempt failed; retrying" log event (Internal/Log.cs).</summary>
    private const int RetryingEventId = 2;

    public static async Task True(Func<bool> condition, string what, double seconds = 20)
    {
        var limit = TimeSpan.FromSeconds(seconds);
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                Assert.Fail($"Timed out after {seconds} s waiting for: {what}");
            }

#pragma warning disable RS0030 // Polls for an event with a deadline: it never asserts that time passed or that nothing happened.
            await Task.Delay(5);
#pragma warning restore RS0030
        }
    }

    /// <summary>
    /// Waits until a call is in its retry back-off on <paramref name="time"/>: the SDK logged the retry (so the failed
    /// attempt and its timeout timer are done) and the delay's timer is armed.
    /// </summary>
    public static Task BackingOff(EmulatorHarness harness, TimerCountingTimeProvider time)
        => True(() => harness.Logs.Collector.GetSnapshot().Any(r => r.Id.Id == RetryingEventId) && time.ArmedTimers > 0, "the retry back-off");
}
