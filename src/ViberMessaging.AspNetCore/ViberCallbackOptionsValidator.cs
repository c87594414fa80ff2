using Microsoft.Extensions.Options;

namespace ViberMessaging.AspNetCore;

/// <summary>Every problem of <see cref="ViberCallbackOptions"/> at once, by property.</summary>
internal sealed class ViberCallbackOptionsValidator : IValidateOptions<ViberCallbackOptions>
{
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, ViberCallbackOptions options)
    {
        var failures = new List<string>();
        if (options.Secret is null || options.Secret.Trim().Length < MinSecretLength)
        {
            failures.Add($"{nameof(ViberCallbackOptions.Secret)} must be set to at least {MinSecretLength} characters: the callback paths are derived from it (keep it in user secrets or a vault).");
        }

        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{nameof(ViberCallbackOptions.MaxBodyBytes)} must be between 1024 and 16777216 (was {options.MaxBodyBytes}).");
        }

        if (options.PublicBaseAddress is { } address && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment)))
        {
            failures.Add($"{nameof(ViberCallbackOptions.PublicBaseAddress)} must be an absolute http or https address without query or fragment, for example https://shop.example/ (was '{address.OriginalString}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
