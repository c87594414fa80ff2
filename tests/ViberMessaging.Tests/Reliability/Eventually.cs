namespace ViberMessaging.Tests.Reliability;

/// <summary>Waits (in real time, polling) for asynchronous work to reach a state; fails after a generous limit.</summary>
internal static class Eventually
{
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
    /// Gives background work a moment to do what it must not do (send a request it should not): used only to check
    /// that something does NOT happen, never to wait for something that should.
    /// </summary>
    public static Task Settle() => Task.Delay(150);
}
