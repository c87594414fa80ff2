using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>Waits (in real time, polling) for asynchronous work to reach a state; fails after a generous limit.</summary>
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

            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Waits until a call is in its retry back-off on <paramref name="time"/>: the SDK logged the retry (so the failed
    /// attempt and its timeout timer are done) and the delay's timer is armed.
    /// </summary>
    public static Task BackingOff(EmulatorHarness harness, ManualTimeProvider time)
        => True(() => harness.Logs.Records.Any(r => r.EventId.Id == RetryingEventId) && time.ActiveTimers > 0, "the retry back-off");

    /// <summary>
    /// Gives background work a moment to do what it must not do (send a request it should not): used only to check
    /// that something does NOT happen, never to wait for something that should.
    /// </summary>
    public static Task Settle() => Task.Delay(150);
}
