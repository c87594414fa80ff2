using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the provider callback endpoints.</summary>
public static class ViberCallbackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {prefix}/{account}/{secret}</c> for every account whose gateway pushes callbacks that name their
    /// message (status callbacks and two-way replies) and <c>POST {prefix}/{account}/{secret}/{token}</c> for the answers
    /// to requests the SDK gave a per-request callback URL (<see cref="ViberCallbackOptions.PublicBaseAddress"/>); the
    /// account's <see cref="ViberMessaging.IViberCallbackReader"/> says which, and reads the body (the provider pages in the docs list
    /// which providers post what). A request for an unknown account, with a wrong secret or to any other path under
    /// <paramref name="prefix"/> gets 404 and is counted; a body over <see cref="ViberCallbackOptions.MaxBodyBytes"/> 413;
    /// a content type other than JSON 415; a body the provider's parser cannot read 400 with a log line; a callback
    /// 200 with an empty body once it is handed off (statuses to <see cref="ViberMessaging.IDeliveryTracker"/>, replies
    /// to your <see cref="IViberReplyHandler"/>s). The URL to give the gateway is <see cref="ViberCallbackPaths.UrlFor"/>.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The path prefix, for example <c>/viber</c>.</param>
    /// <returns>The route group, to add conventions (authorization is not needed: the secret path is the credential).</returns>
    /// <exception cref="InvalidOperationException"><c>AddViberCallbacks()</c> was not called.</exception>
    public static RouteGroupBuilder MapViberCallbacks(this IEndpointRouteBuilder endpoints, string prefix = "/viber")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var paths = endpoints.ServiceProvider.GetService<ViberCallbackPaths>()
            ?? throw new InvalidOperationException("Call services.AddViberMessaging().AddViberCallbacks(o => o.Secret = …) before MapViberCallbacks.");
        paths.Prefix = prefix;
        var endpoint = endpoints.ServiceProvider.GetRequiredService<CallbackEndpoint>();
        var options = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ViberCallbackOptions>>().Value;

        var group = endpoints.MapGroup(prefix);
        group.MapPost("/{account}/{secret}", endpoint.HandleAsync);
        group.MapPost("/{account}/{secret}/{token}", endpoint.HandleAsync);
        group.Map("/{**rest}", endpoint.NotFoundAsync);
        if (options.RateLimitingPolicy is { } policy)
        {
            group.RequireRateLimiting(policy);
        }

        return group;
    }
}
