namespace ViberMessaging;

/// <summary>
/// What every service of a provider account has in common: its registration name, and a way to reach the account's
/// other services, provider-specific ones included (for example <c>ISmsByClient</c> from an <see cref="IViberSender"/>).
/// </summary>
/// <remarks>
/// <see cref="IViberSender"/>, <see cref="IStatusQuery"/>, <see cref="IViberChats"/>, <see cref="IBalanceQuery"/> and the
/// providers' extras all derive from it. The instances registered by <c>AddViberMessaging()</c> answer
/// <see cref="GetService"/> with the same traced and logged instances dependency injection returns for the account.
/// </remarks>
public interface IViberProviderService
{
    /// <summary>The registered provider name (for example <c>SmsClub</c>, or your own such as <c>SmsClubMarketing</c>); also the provider part of every <see cref="MessageId"/> the account returns or answers.</summary>
    string ProviderName { get; }

    /// <summary>
    /// Returns this account's service of type <paramref name="serviceType"/>: a neutral interface it supports or a
    /// provider's extra (<c>ISmsClubAccount</c>, <c>ISmsByClient</c>), as <c>IChatClient.GetService</c> does in
    /// Microsoft.Extensions.AI.
    /// </summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">A key for a more specific service; the SDK's services answer only <see langword="null"/>.</param>
    /// <returns>The service, or <see langword="null"/> when the account has none of that type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serviceType"/> is <see langword="null"/>.</exception>
    object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }
}
