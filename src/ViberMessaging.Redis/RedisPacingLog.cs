using Microsoft.Extensions.Logging;

namespace ViberMessaging.Redis;

/// <summary>The package's log messages (event ids 3100–3199).</summary>
internal static partial class RedisPacingLog
{
    [LoggerMessage(3100, LogLevel.Warning, "Redis pacing for {Provider} is out of reach; {Mode} until it answers again.")]
    public static partial void Unavailable(ILogger logger, string provider, string mode);

    [LoggerMessage(3101, LogLevel.Information, "Redis pacing for {Provider} is back after {OutageSeconds:F1} s.")]
    public static partial void Recovered(ILogger logger, string provider, double outageSeconds);

    [LoggerMessage(3102, LogLevel.Debug, "A Redis pacing call for {Provider} failed: {ErrorType}: {Error}")]
    public static partial void CallFailed(ILogger logger, string provider, string errorType, string error);

    [LoggerMessage(3103, LogLevel.Information, "{Provider} refused a request for its rate limit; every instance pauses the account for {PauseMs} ms.")]
    public static partial void RateLimited(ILogger logger, string provider, double pauseMs);
}
