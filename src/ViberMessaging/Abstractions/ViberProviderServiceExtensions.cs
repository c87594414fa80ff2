namespace ViberMessaging;

/// <summary>Typed access to <see cref="IViberProviderService.GetService"/>.</summary>
public static class ViberProviderServiceExtensions
{
    /// <summary>Returns the account's service of type <typeparamref name="TService"/>, for example <c>sender.GetService&lt;ISmsByClient&gt;()</c>.</summary>
    /// <typeparam name="TService">The type asked for.</typeparam>
    /// <param name="service">Any service of the account.</param>
    /// <param name="serviceKey">A key for a more specific service; the SDK's services answer only <see langword="null"/>.</param>
    /// <returns>The service, or <see langword="null"/> when the account has none of that type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="service"/> is <see langword="null"/>.</exception>
    public static TService? GetService<TService>(this IViberProviderService service, object? serviceKey = null)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.GetService(typeof(TService), serviceKey) as TService;
    }
}
