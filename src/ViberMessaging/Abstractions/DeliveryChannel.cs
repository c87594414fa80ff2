namespace ViberMessaging;

/// <summary>The channel that delivered a message.</summary>
public enum DeliveryChannel
{
    /// <summary>Delivered as a Viber message.</summary>
    Viber = 0,

    /// <summary>Delivered as the SMS fallback.</summary>
    Sms,
}
