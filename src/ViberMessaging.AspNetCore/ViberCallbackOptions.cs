namespace ViberMessaging.AspNetCore;

/// <summary>How the callback endpoints of <c>MapViberCallbacks</c> accept requests.</summary>
public sealed class ViberCallbackOptions
{
    /// <summary>
    /// The secret each account's callback path is derived from (at least 16 characters; keep it in user secrets or a
    /// vault). The gateways do not sign callbacks, so the unguessable path segment is what tells a real callback from
    /// a forged one; change the secret to revoke every URL at once.
    /// </summary>
    /// <value>None: required.</value>
    public string? Secret { get; set; }

    /// <summary>
    /// Where the providers reach this application, for example <c>https://shop.example/</c>. When set, the SDK sets
    /// <c>callback_url</c> itself on every send that takes one and sets no <see cref="ViberMessage.CallbackUrl"/>: for an
    /// account whose provider posts callbacks that name their message, every send (this address plus
    /// <see cref="ViberCallbackPaths.PathFor"/>, and the account's statuses then come by callback, polled only as a
    /// fallback); for one whose answer does not name its request, each such request (the same path plus a correlation
    /// token). The account's <see cref="IViberCallbackReader.PerRequest"/> says which.
    /// </summary>
    /// <value><see langword="null"/>: nothing is set for you; set <see cref="ViberMessage.CallbackUrl"/> with <see cref="ViberCallbackPaths.UrlFor"/>.</value>
    public Uri? PublicBaseAddress { get; set; }

    /// <summary>The largest callback body accepted, in bytes; larger ones get 413 before they are read.</summary>
    /// <value>65 536 (64 KiB).</value>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The name of an ASP.NET Core rate limiting policy (<c>AddRateLimiter</c>) to apply to the endpoints, or <see langword="null"/> for none.</summary>
    /// <value><see langword="null"/>.</value>
    public string? RateLimitingPolicy { get; set; }
}
