using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.SmsBy;

namespace ViberMessaging.AspNetCore;

/// <summary>
/// The callback URLs the SDK sets on sends when <see cref="ViberCallbackOptions.PublicBaseAddress"/> is configured:
/// DecisionTelecom accounts get their secret path; SMS.by bulk requests the same plus a correlation token, tied to the
/// request's ids by <see cref="CorrelateAsync"/>, when early callbacks are merged into the tracker.
/// </summary>
internal sealed class ViberCallbackAddress(
    IServiceProvider services,
    ViberCallbackPaths paths,
    IOptions<ViberCallbackOptions> options,
    SmsByCallbackCorrelations correlations,
    ILogger<ViberCallbackAddress> logger) : IViberCallbackAddress
{
    public Uri? GetCallbackUrl(string providerName, string? correlationToken)
    {
        if (options.Value.PublicBaseAddress is not { } baseAddress || string.IsNullOrWhiteSpace(providerName))
        {
            return null;
        }

        return (AccountOptions(providerName), correlationToken) switch
        {
            (DecisionTelecomOptions, null) => paths.UrlFor(baseAddress, providerName),
            (SmsByOptions, { Length: > 0 } token) when correlations.Issue(providerName, token) => paths.CorrelatedUrlFor(baseAddress, providerName, token),
            _ => null,
        };
    }

    public async ValueTask CorrelateAsync(string providerName, string correlationToken, IReadOnlyList<MessageId> messageIds, CancellationToken cancellationToken)
    {
        var early = correlations.Correlate(providerName, correlationToken, messageIds);
        if (early.Count == 0)
        {
            return;
        }

        try
        {
            var offset = (AccountOptions(providerName) as SmsByOptions)?.ProviderUtcOffset ?? TimeSpan.FromHours(3);
            var tracker = services.GetRequiredService<IDeliveryTracker>();
            foreach (var body in early)
            {
                foreach (var report in SmsByCallbacks.ParseBulkStatus(body, messageIds, offset))
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

    private ViberProviderOptions? AccountOptions(string providerName)
    {
        try
        {
            return services.GetKeyedService<ViberProviderOptions>(providerName);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
