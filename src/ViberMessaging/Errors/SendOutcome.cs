namespace ViberMessaging;

/// <summary>Where a failed request stopped, which decides whether it is safe to try again or elsewhere.</summary>
public enum SendOutcome
{
    /// <summary>
    /// The provider never processed the request (validation in the SDK, a connect failure, an open circuit, a 429 or a
    /// documented rejection). Retrying or sending through another provider cannot duplicate the message.
    /// </summary>
    NotSent = 0,

    /// <summary>
    /// The request may have been processed (timeout or reset after it was written, an ambiguous 5xx). Resending may
    /// deliver the message twice; check its status or reconcile first.
    /// </summary>
    Unknown,

    /// <summary>The provider accepted the request (money may have been spent), but its answer could not be used.</summary>
    Accepted,
}
