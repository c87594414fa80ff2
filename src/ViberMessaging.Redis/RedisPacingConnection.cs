using StackExchange.Redis;

namespace ViberMessaging.Redis;

/// <summary>
/// The connection the gates share: the application's <see cref="IConnectionMultiplexer"/> from DI, or one opened from
/// <see cref="RedisPacingOptions.Configuration"/> on first use (and closed with the service provider). An own
/// connection does not queue commands while disconnected: a gate learns at once that Redis is out of reach.
/// </summary>
internal sealed class RedisPacingConnection(RedisPacingOptions options, IConnectionMultiplexer? shared) : IDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _own = new(() => OpenAsync(options));

    public Task<IConnectionMultiplexer> GetAsync() => shared is not null ? Task.FromResult(shared) : _own.Value;

    public void Dispose()
    {
        if (shared is null && _own.IsValueCreated && _own.Value.IsCompletedSuccessfully)
        {
            _own.Value.Result.Dispose();
        }
    }

    private static async Task<IConnectionMultiplexer> OpenAsync(RedisPacingOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }
}
