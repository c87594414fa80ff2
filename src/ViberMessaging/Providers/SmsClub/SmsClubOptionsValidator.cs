using System.Text;
using Microsoft.Extensions.Options;

namespace ViberMessaging.SmsClub;

/// <summary>The DataAnnotations on <see cref="SmsClubOptions"/> (and its pacing and resilience), checked by generated code: no reflection.</summary>
[OptionsValidator]
internal sealed partial class SmsClubOptionsValidator : IValidateOptions<SmsClubOptions>
{
}

/// <summary>The credentials SMS Club needs for the chosen authentication; every failure is reported at once.</summary>
internal sealed class SmsClubOptionsRules : IValidateOptions<SmsClubOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsClubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = $"ViberMessaging:{name}:";
        switch (options.Authentication)
        {
            case SmsClubAuthentication.Bearer:
                if (string.IsNullOrWhiteSpace(options.Token))
                {
                    failures.Add($"{prefix}Token is required with Bearer authentication (SMS Club cabinet → JSON profile); or set Authentication to Basic with Login and Password.");
                }
                else if (HasWhiteSpaceOrControl(options.Token))
                {
                    failures.Add($"{prefix}Token contains whitespace or control characters; paste the token exactly.");
                }

                break;
            case SmsClubAuthentication.Basic:
                if (string.IsNullOrWhiteSpace(options.Login))
                {
                    failures.Add($"{prefix}Login is required with Basic authentication.");
                }
                else if (options.Login.Contains(':', StringComparison.Ordinal))
                {
                    failures.Add($"{prefix}Login cannot contain ':' with Basic authentication (it separates login and password).");
                }

                if (string.IsNullOrEmpty(options.Password))
                {
                    failures.Add($"{prefix}Password is required with Basic authentication.");
                }

                break;
            default:
                failures.Add($"{prefix}Authentication must be Bearer or Basic; it is {options.Authentication}.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The Authorization header for the options (validated before).</summary>
    internal static System.Net.Http.Headers.AuthenticationHeaderValue? Header(SmsClubOptions options) => options.Authentication switch
    {
        SmsClubAuthentication.Bearer when !string.IsNullOrWhiteSpace(options.Token) => new("Bearer", options.Token),
        SmsClubAuthentication.Basic when options.Login is not null && options.Password is not null
            => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Login + ":" + options.Password))),
        _ => null,
    };

    private static bool HasWhiteSpaceOrControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
