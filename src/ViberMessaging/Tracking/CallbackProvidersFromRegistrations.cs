using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.DependencyInjection;

namespace ViberMessaging.Tracking;

/// <summary>
/// Fills <see cref="DeliveryTrackerOptions.CallbackProviders"/> from the registrations: every account whose provider
/// posts each status change to one URL per account (<see cref="IViberCallbackReader.PerRequest"/> false) and that the
/// application gets callbacks for (an <see cref="IViberCallbackAddress"/> gives it a URL), so nobody lists them by hand.
/// A provider that answers each request once (per-request callbacks) is no reason to poll less.
/// </summary>
internal sealed class CallbackProvidersFromRegistrations(IServiceProvider services) : IPostConfigureOptions<DeliveryTrackerOptions>
{
    public void PostConfigure(string? name, DeliveryTrackerOptions options)
    {
        IViberCallbackAddress? address;
        try
        {
            address = services.GetService<IViberCallbackAddress>();
        }
        catch (OptionsValidationException)
        {
            return; // the callback options are invalid: the start-up check reports them, the tracker still starts
        }

        if (address is null || services.GetService<ProviderRegistry>() is not { } registry)
        {
            return;
        }

        foreach (var account in registry.Names)
        {
            IViberCallbackReader? reader;
            try
            {
                reader = services.GetKeyedService<IViberCallbackReader>(account);
            }
            catch (OptionsValidationException)
            {
                continue; // reported by the start-up check, with every other problem
            }

            if (reader is { PerRequest: false } && address.GetCallbackUrl(account, correlationToken: null) is not null)
            {
                options.CallbackProviders.Add(account);
            }
        }
    }
}
