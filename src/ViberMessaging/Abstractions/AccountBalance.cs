namespace ViberMessaging;

/// <summary>Money on a provider account.</summary>
/// <param name="Amount">The amount, exactly as the provider reported it.</param>
/// <param name="Currency">The ISO 4217 currency code the provider reported (for example <c>UAH</c>).</param>
public sealed record AccountBalance(decimal Amount, string Currency);
