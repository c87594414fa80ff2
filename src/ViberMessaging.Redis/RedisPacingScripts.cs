namespace ViberMessaging.Redis;

/// <summary>
/// The Lua scripts that run the shared gate inside Redis, atomically and on Redis's own clock (<c>TIME</c>, in
/// microseconds): no instance's clock is ever compared with another's. KEYS[1] is the account's sliding log (a sorted
/// set of departures scored by time), KEYS[2] its state (pause end, bucket tokens); both share a hash tag, so they live
/// on one cluster slot.
/// </summary>
internal static class RedisPacingScripts
{
    /// <summary>
    /// Grants a permit now or says how long to wait before asking again; never reserves a future slot.
    /// ARGV: limit, window µs, margin µs, burst, member, then the ages (µs) of permits granted locally during an outage,
    /// to be put back in the log. Returns {1, now} when granted, {0, wait µs, 1 when the wait is a 429 pause}.
    /// </summary>
    public const string Acquire = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local function n(x) return string.format('%.0f', x) end
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local span = window + tonumber(ARGV[3])
        local burst = tonumber(ARGV[4])
        for i = 6, #ARGV do
          redis.call('ZADD', KEYS[1], n(now - tonumber(ARGV[i])), ARGV[5] .. ':local:' .. i)
        end
        local ttl = math.ceil(span / 1000) + 1000
        local pause = tonumber(redis.call('HGET', KEYS[2], 'pause') or '0')
        if pause > now then
          return {0, pause - now, 1}
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', n(now - span))
        if redis.call('ZCARD', KEYS[1]) >= limit then
          local kth = redis.call('ZREVRANGE', KEYS[1], limit - 1, limit - 1, 'WITHSCORES')
          return {0, math.max(1, tonumber(kth[2]) + span - now), 0}
        end
        if burst < limit then
          local tokens = tonumber(redis.call('HGET', KEYS[2], 'tokens') or burst)
          local last = tonumber(redis.call('HGET', KEYS[2], 'refill') or now)
          tokens = math.min(burst, tokens + (now - last) * limit / window)
          if tokens < 1 then
            return {0, math.max(1, math.ceil((1 - tokens) * window / limit)), 0}
          end
          redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - 1), 'refill', n(now))
          redis.call('PEXPIRE', KEYS[2], n(ttl + math.ceil(window / 1000)))
        end
        redis.call('ZADD', KEYS[1], n(now), ARGV[5])
        redis.call('PEXPIRE', KEYS[1], n(ttl))
        return {1, now}
        """;

    /// <summary>The request's body is written: its departure moves to now (later only). ARGV: member.</summary>
    public const string Sent = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local function n(x) return string.format('%.0f', x) end
        return redis.call('ZADD', KEYS[1], 'XX', 'GT', n(now), ARGV[1])
        """;

    /// <summary>
    /// The request's answer came back later than the instance's fastest recent round trip allows: whatever held it up
    /// held its arrival up too, so its departure moves to now less that round trip (later only). ARGV: member, round trip µs.
    /// </summary>
    public const string Late = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local function n(x) return string.format('%.0f', x) end
        return redis.call('ZADD', KEYS[1], 'XX', 'GT', n(now - tonumber(ARGV[2])), ARGV[1])
        """;

    /// <summary>A 429: the account pauses for ARGV[1] µs from now, unless it is paused longer already. Returns the pause left (µs).</summary>
    public const string Pause = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local function n(x) return string.format('%.0f', x) end
        local pause = math.max(tonumber(redis.call('HGET', KEYS[2], 'pause') or '0'), now + tonumber(ARGV[1]))
        redis.call('HSET', KEYS[2], 'pause', n(pause))
        redis.call('PEXPIRE', KEYS[2], n(math.ceil((pause - now) / 1000) + 1000))
        return pause - now
        """;
}
