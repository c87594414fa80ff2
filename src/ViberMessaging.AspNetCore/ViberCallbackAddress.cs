using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ViberMessaging.AspNetCore;

/// <summary>
/// The callback URLs the SDK sets on sends when <see cref="ViberCallbackOptions.PublicBaseAddress"/> is configured:
/// an account whose provider names its message in each callback (<see cref="IViberCallbackReader.PerRequest"/> false)
/// gets its secret path; a request whose answer does not name it, the same plus a correlation token, tied to the
/// request's ids by <see cref="CorrelateAsync"/>, when early callbacks are merged into the tracker.
/// </summary>
internal sealed class ViberCallbackAddress(
    IServiceProvider services,
    ViberCallbackPaths paths,
    IOptions<ViberCallbackOptions> options,
    CallbackCorrelations correlations,
    ILogger<ViberCallbackAddress> logger) : IViberCallbackAddress
{
    public Uri? GetCallbackUrl(string providerName, string? correlationToken)
    {
        if (options.Value.PublicBaseAddress is not { } baseAddress || string.IsNullOrWhiteSpace(providerName))
        {
            return null;
        }

        return (Reader(providerName), correlationToken) switch
        {
            ({ PerRequest: false }, null) => paths.UrlFor(baseAddress, providerName),
            ({ PerRequest: true }, { Length: > 0 } token) when correlations.Issue(providerName, token) => paths.CorrelatedUrlFor(baseAddress, providerName, token),
            _ => null,
        };
    }

    public async ValueTask CorrelateAsync(string providerName, string correlationToken, IReadOnlyList<MessageId> messageIds, CancellationToken cancellationToken)
    {
        var early = correlations.Correlate(providerName, correlationToken, messageIds);
        if (early.Count == 0 || Reader(providerName) is not { } reader)
        {
            return;
        }

        try
        {
            var tracker = services.GetRequiredService<IDeliveryTracker>();
            foreach (var body in early)
            {
                foreach (var report in reader.Read(body, messageIds).Reports)
                {
                    await tracker.ReportAsync(report, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The send succeeded; a store that fails now loses an early status the tracker's polling will read again.
            CallbackLog.EarlyMergeFailed(logger, exception, providerName, early.Count);
        }
    }

    private IViberCallbackReader? Reader(string providerName)
    {
        try
        {
            return services.GetKeyedService<IViberCallbackReader>(providerName);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
