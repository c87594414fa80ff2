using Microsoft.Extensions.Configuration;
using ViberMessaging.Http;
using ViberMessaging.Telemetry;

namespace ViberMessaging.DependencyInjection;

/// <summary>How one provider plugs into <see cref="ProviderRegistration.Add{TOptions, TClient}"/>.</summary>
internal sealed class ProviderDefinition<TOptions, TClient>
    where TOptions : ViberProviderOptions
    where TClient : class, IViberSender, IStatusQuery
{
    /// <summary>Binds a configuration section onto the options. Written in the provider's own code, with its concrete options type, so the configuration-binding source generator handles it (no reflection, trim-safe).</summary>
    public required Action<TOptions, IConfiguration> Bind { get; init; }

    /// <summary>Creates the client.</summary>
    public required Func<ProviderContext<TOptions>, TClient> Create { get; init; }

    /// <summary>
    /// The provider's one error parser: recognises its error shape in an answer, at any HTTP status. Without one, an
    /// error status fails with the code the status gives.
    /// </summary>
    public ProviderErrorParser? ErrorParser { get; init; }

    /// <summary>The options' secrets (tokens, passwords, keys), kept out of logs and errors.</summary>
    public required Func<TOptions, IEnumerable<string?>> Secrets { get; init; }

    /// <summary>Sets authentication (and anything else per client) on each HttpClient.</summary>
    public Action<HttpClient, TOptions>? ConfigureClient { get; init; }

    /// <summary>For providers that report their rate limit in a 200 body: detects such a body.</summary>
    public Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? IsRateLimitedBody { get; init; }

    /// <summary>Wraps the provider's extra interface (<c>ISmsByClient</c>, …) in its observing decorator, if it has one.</summary>
    public Func<TClient, OperationObserver, ObservedServices, IViberProviderService>? ObserveExtra { get; init; }
}
