namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// How the user hash key goes into the <c>Authorization: Basic …</c> header. DecisionTelecom's clients disagree, so
/// it is a setting; ask your account manager which one your account expects if the default is refused.
/// </summary>
public enum DecisionTelecomKeyEncoding
{
    /// <summary><c>Basic base64(key)</c>, as all of DecisionTelecom's official SDKs send it. The default.</summary>
    Base64 = 0,

    /// <summary><c>Basic base64(key + ":")</c>: the key as a user name with an empty password, as curl sends it in the API document.</summary>
    Base64WithColon,

    /// <summary><c>Basic key</c>: the key is already Base64 and is sent as it is.</summary>
    Verbatim,
}
