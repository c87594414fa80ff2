namespace ViberMessaging.SmsClub;

/// <summary>How requests to SMS Club are authenticated.</summary>
public enum SmsClubAuthentication
{
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> with the JSON token from the SMS Club cabinet (JSON profile), as documented.</summary>
    Bearer = 0,

    /// <summary>HTTP Basic with the account's login and password, as SMS Club's own 2021 SDK authenticated its Viber calls.</summary>
    Basic,
}
