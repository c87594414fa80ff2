namespace ViberMessaging.AspNetCore;

/// <summary>What became of one callback request: the <c>outcome</c> tag of the <c>vibermessaging.callbacks</c> counter.</summary>
internal static class CallbackOutcome
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Reply = "reply";
    public const string NotFound = "not_found";
    public const string TooLarge = "too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Malformed = "malformed";
    public const string Early = "early";
}
