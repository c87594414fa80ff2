using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using ViberMessaging.Pacing;

namespace ViberMessaging.Redis;

/// <summary>Creates a <see cref="RedisRateGate"/> per account, all on one Redis connection.</summary>
internal sealed class RedisPacingGateFactory(RedisPacingOptions options, Func<Task<IConnectionMultiplexer>> connection, ILoggerFactory? loggers) : IPacingGateFactory
{
    public RateLimiter Create(PacingGateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = loggers?.CreateLogger("ViberMessaging." + context.ProviderName) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        return new RedisRateGate(context, options, connection, logger);
    }
}
