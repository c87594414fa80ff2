namespace ViberMessaging.Redis;

/// <summary>
/// How provider accounts are paced across processes through Redis: every instance that uses the same account (the same
/// provider, address and credentials) shares one strict sliding log and one 429 pause in Redis.
/// </summary>
public sealed class RedisPacingOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string (<c>localhost:6379,password=…</c>). When <see langword="null"/>, the
    /// <c>IConnectionMultiplexer</c> registered in DI is used.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public string? Configuration { get; set; }

    /// <summary>The prefix of every key the gate writes; each account's keys follow it, named by a hash of its credentials.</summary>
    /// <value><c>vibermessaging:pacing:</c>.</value>
    public string KeyPrefix { get; set; } = "vibermessaging:pacing:";

    /// <summary>
    /// How many instances share an account. While Redis is out of reach each instance paces alone at
    /// <c>PermitLimit / ExpectedInstances</c> (at least 1), so together they stay within the limit.
    /// </summary>
    /// <value>2. Between 1 and 1000: set it to the most instances you run.</value>
    public int ExpectedInstances { get; set; } = 2;

    /// <summary>The longest one permit request may take in Redis; beyond it Redis counts as out of reach.</summary>
    /// <value>250 milliseconds. Between 10 milliseconds and 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>While Redis is out of reach, how often a permit request tries it again.</summary>
    /// <value>1 second. Between 100 milliseconds and 5 minutes.</value>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether requests fail while Redis is out of reach instead of falling back to a local gate: the request is not
    /// sent and fails with <see cref="ViberErrorCode.RateLimited"/> and <see cref="SendOutcome.NotSent"/>.
    /// </summary>
    /// <value><see langword="false"/>: fall back to a local gate at <c>PermitLimit / ExpectedInstances</c>.</value>
    public bool FailClosed { get; set; }

    internal IEnumerable<string> Problems()
    {
        if (ExpectedInstances is < 1 or > 1000)
        {
            yield return $"{nameof(ExpectedInstances)} must be between 1 and 1000 (was {ExpectedInstances}).";
        }

        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromSeconds(30))
        {
            yield return $"{nameof(Timeout)} must be between 10 ms and 30 s (was {Timeout}).";
        }

        if (RetryInterval < TimeSpan.FromMilliseconds(100) || RetryInterval > TimeSpan.FromMinutes(5))
        {
            yield return $"{nameof(RetryInterval)} must be between 100 ms and 5 min (was {RetryInterval}).";
        }

        if (string.IsNullOrEmpty(KeyPrefix))
        {
            yield return $"{nameof(KeyPrefix)} must not be empty.";
        }
    }
}
