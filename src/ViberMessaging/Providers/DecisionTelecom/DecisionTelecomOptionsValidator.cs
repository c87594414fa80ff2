using Microsoft.Extensions.Options;

namespace ViberMessaging.DecisionTelecom;

/// <summary>The DataAnnotations rules of <see cref="DecisionTelecomOptions"/>, source-generated (trim-safe).</summary>
[OptionsValidator]
internal sealed partial class DecisionTelecomOptionsValidator : IValidateOptions<DecisionTelecomOptions>;

/// <summary>The rules attributes cannot express: the key's content and its encoding. Every failure is reported.</summary>
internal sealed class DecisionTelecomOptionsRules : IValidateOptions<DecisionTelecomOptions>
{
    public ValidateOptionsResult Validate(string? name, DecisionTelecomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = $"ViberMessaging:{name}:";
        var failures = new List<string>();
        if (!Enum.IsDefined(options.KeyEncoding))
        {
            failures.Add($"{prefix}KeyEncoding must be one of {string.Join(", ", Enum.GetNames<DecisionTelecomKeyEncoding>())}; it is {(int)options.KeyEncoding}.");
        }

        var key = options.ApiKey;
        if (key is null)
        {
            // [Required] reports it.
        }
        else if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{prefix}ApiKey is empty: set the user hash key your DecisionTelecom account manager issued.");
        }
        else if (key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            // The key goes into a header: no whitespace or control characters (also no header injection).
            failures.Add($"{prefix}ApiKey contains whitespace or control characters; copy the key without them.");
        }
        else if (options.KeyEncoding == DecisionTelecomKeyEncoding.Verbatim && !IsBase64(key))
        {
            failures.Add($"{prefix}ApiKey is not Base64, but KeyEncoding is Verbatim (the key is sent as it is and must already be Base64). Use KeyEncoding Base64 or Base64WithColon for a plain key.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = value.Length <= 1024 ? stackalloc byte[value.Length] : new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
