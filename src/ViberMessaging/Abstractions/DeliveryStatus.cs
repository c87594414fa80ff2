namespace ViberMessaging;

/// <summary>The delivery state of a message, in the same words for every provider.</summary>
public enum DeliveryStatus
{
    /// <summary>The provider did not say, or said something this SDK does not know; the raw value is kept on the report.</summary>
    Unknown = 0,

    /// <summary>Queued at the provider, not yet sent.</summary>
    Pending,

    /// <summary>Sent to the recipient's device, not yet confirmed.</summary>
    Sent,

    /// <summary>Delivered to the recipient's device.</summary>
    Delivered,

    /// <summary>Delivered and opened by the recipient.</summary>
    Read,

    /// <summary>Not delivered before the time to live ran out.</summary>
    Expired,

    /// <summary>Could not be delivered (not a Viber user, blocked, unsupported device, …).</summary>
    Undeliverable,

    /// <summary>Refused by the provider or the network (blacklist, spam, censorship, …).</summary>
    Rejected,

    /// <summary>Failed at the provider.</summary>
    Failed,

    /// <summary>Cancelled before it was sent.</summary>
    Cancelled,
}
