namespace ViberMessaging;

/// <summary>The kind of message, which providers price and route differently.</summary>
public enum MessageKind
{
    /// <summary>A message the recipient expects: a code, a receipt, a delivery notice.</summary>
    Transactional = 0,

    /// <summary>A marketing message.</summary>
    Promotional,
}
