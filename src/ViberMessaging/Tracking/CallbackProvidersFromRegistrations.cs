using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberMessaging.DecisionTelecom;
using ViberMessaging.DependencyInjection;

namespace ViberMessaging.Tracking;

/// <summary>
/// Fills <see cref="DeliveryTrackerOptions.CallbackProviders"/> from the registrations: every DecisionTelecom account
/// the application gets callbacks for (an <see cref="IViberCallbackAddress"/> gives it a URL), so nobody lists them by
/// hand. DecisionTelecom posts every status change; SMS.by answers a bulk request once, which is no reason to poll less.
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
            ViberProviderOptions? accountOptions;
            try
            {
                accountOptions = services.GetKeyedService<ViberProviderOptions>(account);
            }
            catch (OptionsValidationException)
            {
                continue; // reported by the start-up check, with every other problem
            }

            if (accountOptions is DecisionTelecomOptions && address.GetCallbackUrl(account, correlationToken: null) is not null)
            {
                options.CallbackProviders.Add(account);
            }
        }
    }
}
