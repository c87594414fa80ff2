namespace ViberMessaging.Telemetry;

/// <summary>
/// One provider account's services as users get them: each interface the provider's client implements, wrapped in
/// its observing decorator, plus the provider's extra (also observed). Dependency injection hands out these
/// instances, and each answers <see cref="IViberProviderService.GetService"/> from the same set, so no path reaches
/// the unobserved client.
/// </summary>
internal sealed class ObservedServices
{
    private readonly IViberProviderService[] _services;

    /// <summary>Wraps a provider's client.</summary>
    /// <param name="client">The provider's client (implements <see cref="IViberSender"/> and whichever other interfaces it supports).</param>
    /// <param name="observer">The account's observer.</param>
    /// <param name="extra">Wraps the provider's extra interface, if it has one.</param>
    public ObservedServices(object client, OperationObserver observer, Func<ObservedServices, IViberProviderService>? extra = null)
    {
        var services = new List<IViberProviderService>(5);
        if (client is IViberSender sender)
        {
            services.Add(Sender = new ObservedViberSender(sender, observer, this));
        }

        if (client is IStatusQuery statuses)
        {
            services.Add(StatusQuery = new ObservedStatusQuery(statuses, observer, this));
        }

        if (client is IViberChats chats)
        {
            services.Add(Chats = new ObservedViberChats(chats, observer, this));
        }

        if (client is IBalanceQuery balance)
        {
            services.Add(BalanceQuery = new ObservedBalanceQuery(balance, observer, this));
        }

        if (extra is not null)
        {
            services.Add(extra(this));
        }

        _services = [.. services];
    }

    public IViberSender? Sender { get; }

    public IStatusQuery? StatusQuery { get; }

    public IViberChats? Chats { get; }

    public IBalanceQuery? BalanceQuery { get; }

    /// <summary>The account's service of type <typeparamref name="TService"/>; registration asks only for what it registered.</summary>
    public TService Get<TService>()
        where TService : class
        => (TService?)GetService(typeof(TService), serviceKey: null)
            ?? throw new InvalidOperationException($"The account has no {typeof(TService).Name}.");

    /// <summary>The first of the account's observed services that is a <paramref name="serviceType"/>, or <see langword="null"/>.</summary>
    public object? GetService(Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        foreach (var service in _services)
        {
            if (serviceType.IsInstanceOfType(service))
            {
                return service;
            }
        }

        return null;
    }
}
