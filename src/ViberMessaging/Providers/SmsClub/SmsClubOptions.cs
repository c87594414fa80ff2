using System.Globalization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// Settings of one SMS Club account: credentials, endpoint, pacing and resilience. Bound from configuration section
/// <c>ViberMessaging:SmsClub</c> (environment variables <c>ViberMessaging__SmsClub__Token</c>, …); unknown keys are
/// rejected and every problem is reported at start-up.
/// </summary>
public sealed class SmsClubOptions : ViberProviderOptions
{
    /// <summary>SMS Club's production endpoint.</summary>
    public const string DefaultBaseAddress = "https://im.smsclub.mobi/";

    /// <summary>SMS Club's documented limit: 9 requests per second per client.</summary>
    public const int DefaultPermitLimit = 9;

    /// <summary>Creates options with SMS Club's production endpoint and its 9 requests per second.</summary>
    public SmsClubOptions()
        : base(new Uri(DefaultBaseAddress), DefaultPermitLimit)
    {
    }

    /// <summary>How requests are authenticated.</summary>
    /// <value><see cref="SmsClubAuthentication.Bearer"/>: <see cref="Token"/> is required.</value>
    public SmsClubAuthentication Authentication { get; set; } = SmsClubAuthentication.Bearer;

    /// <summary>The JSON API token (SMS Club cabinet → JSON profile), sent as <c>Authorization: Bearer</c>.</summary>
    /// <value><see langword="null"/>; required when <see cref="Authentication"/> is <see cref="SmsClubAuthentication.Bearer"/>.</value>
    public string? Token { get; set; }

    /// <summary>The account login for HTTP Basic.</summary>
    /// <value><see langword="null"/>; required (without ':') when <see cref="Authentication"/> is <see cref="SmsClubAuthentication.Basic"/>.</value>
    public string? Login { get; set; }

    /// <summary>The account password for HTTP Basic.</summary>
    /// <value><see langword="null"/>; required when <see cref="Authentication"/> is <see cref="SmsClubAuthentication.Basic"/>.</value>
    public string? Password { get; set; }

    /// <summary>Returns the endpoint, the pacing and the authentication scheme, never credentials.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{nameof(SmsClubOptions)} {{ BaseAddress = {BaseAddress}, Pacing = {Pacing.PermitLimit}/{Pacing.Window.TotalSeconds:0.###}s, Authentication = {Authentication}, Credentials = *** }}");
}
