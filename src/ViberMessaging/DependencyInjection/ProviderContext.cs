using Microsoft.Extensions.Logging;
using ViberMessaging.Http;

namespace ViberMessaging.DependencyInjection;

/// <summary>What a provider's client is built from: its registration name, options, transport, logger and clock.</summary>
internal sealed record ProviderContext<TOptions>(
    string Name,
    TOptions Options,
    ProviderTransport Transport,
    ILogger Logger,
    TimeProvider TimeProvider)
    where TOptions : ViberProviderOptions
{
    /// <summary>Where the providers that push should post callbacks, when the application receives them (<c>AddViberCallbacks</c>); else <see langword="null"/>.</summary>
    public IViberCallbackAddress? Callbacks { get; init; }
}
