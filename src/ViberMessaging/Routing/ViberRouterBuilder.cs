namespace ViberMessaging.Routing;

/// <summary>Describes a router's routes in code: the argument of <c>AddRouter(name, r =&gt; r.Route(…)…)</c>.</summary>
/// <example>
/// <code>
/// builder.AddRouter("Main", r => r
///     .Route("380", "SmsClub").Route("375", "SmsBy").Route("7", "Devino")
///     .Otherwise("DecisionTelecom")
///     .FailOverTo("DecisionTelecom", "SmsClub")
///     .RouteFailOverTo("375", "DecisionTelecom"));
/// </code>
/// </example>
public sealed class ViberRouterBuilder
{
    private readonly ViberRouterOptions _options;

    internal ViberRouterBuilder(ViberRouterOptions options) => _options = options;

    /// <summary>Sends recipients whose international number starts with <paramref name="prefix"/> through <paramref name="provider"/>.</summary>
    /// <param name="prefix">Digits of the international number, for example <c>380</c>; the longest matching prefix wins.</param>
    /// <param name="provider">A registered provider name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public ViberRouterBuilder Route(string prefix, string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        _options.Routes[prefix] = provider;
        return this;
    }

    /// <summary>Sends recipients no route matches through <paramref name="provider"/>.</summary>
    /// <param name="provider">A registered provider name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is empty.</exception>
    public ViberRouterBuilder Otherwise(string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        _options.Otherwise = provider;
        return this;
    }

    /// <summary>
    /// Tries <paramref name="providers"/>, in order, when a recipient's provider cannot carry the message or did not
    /// send it (<see cref="SendOutcome.NotSent"/>); never after it may have sent it.
    /// </summary>
    /// <param name="providers">Registered provider names.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    public ViberRouterBuilder FailOverTo(params string[] providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        foreach (var provider in providers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(provider);
            _options.FailOverTo.Add(provider);
        }

        return this;
    }

    /// <summary>
    /// Tries <paramref name="providers"/>, in order, after the provider of the route <paramref name="prefix"/>, in
    /// place of the router-wide <see cref="FailOverTo"/> (no providers: that route never fails over). The same rules
    /// apply: only when nothing was sent.
    /// </summary>
    /// <param name="prefix">A route's prefix, as given to <see cref="Route"/>.</param>
    /// <param name="providers">Registered provider names.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The prefix or a name is empty.</exception>
    public ViberRouterBuilder RouteFailOverTo(string prefix, params string[] providers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(providers);
        foreach (var provider in providers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        }

        _options.RouteFailOverTo[prefix] = [.. providers];
        return this;
    }
}
