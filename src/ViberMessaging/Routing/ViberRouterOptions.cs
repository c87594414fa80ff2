namespace ViberMessaging.Routing;

/// <summary>
/// The routes of a router registered with <c>AddRouter(name, …)</c>, bound from
/// <c>ViberMessaging:Routers:&lt;name&gt;</c> (unknown keys rejected) and validated at start-up.
/// </summary>
/// <example>
/// <code>
/// "Routers": {
///   "Main": {
///     "Routes": { "380": "SmsClub", "375": "SmsBy", "7": "Devino" },
///     "Otherwise": "DecisionTelecom",
///     "FailOverTo": [ "DecisionTelecom", "SmsClub" ],
///     "RouteFailOverTo": { "375": [ "DecisionTelecom" ] }
///   }
/// }
/// </code>
/// </example>
public sealed class ViberRouterOptions
{
    /// <summary>
    /// Country or operator prefix of the international number (digits, for example <c>380</c> or <c>38067</c>) → the
    /// registered provider that sends to it. The longest matching prefix wins.
    /// </summary>
    /// <value>Empty by default.</value>
    public IDictionary<string, string> Routes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The registered provider for recipients no route matches, or <see langword="null"/> to refuse them (a validation error, before any request).</summary>
    /// <value><see langword="null"/> by default.</value>
    public string? Otherwise { get; set; }

    /// <summary>
    /// The registered providers tried, in order, after a recipient's own provider cannot carry the message or did not
    /// send it (<see cref="SendOutcome.NotSent"/>). A provider already tried for the recipient is not tried again.
    /// </summary>
    /// <value>Empty by default: no failover.</value>
    public IList<string> FailOverTo { get; } = new List<string>();

    /// <summary>
    /// Per route (its prefix, as in <see cref="Routes"/>): the providers tried after that route's provider, in place of
    /// <see cref="FailOverTo"/>. An empty list turns failover off for that route.
    /// </summary>
    /// <value>Empty by default: every route fails over to <see cref="FailOverTo"/>.</value>
    public IDictionary<string, IList<string>> RouteFailOverTo { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);
}
