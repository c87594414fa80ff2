using System.Globalization;
using Microsoft.Extensions.Options;

namespace ViberMessaging.SmsBy;

/// <summary>The DataAnnotations rules of <see cref="SmsByOptions"/> (and its pacing and resilience), source-generated: trim-safe.</summary>
[OptionsValidator]
internal sealed partial class SmsByOptionsValidator : IValidateOptions<SmsByOptions>;

/// <summary>SMS.by's cross-field rules: the token, the sender maps, the default sender and the provider's offset. Every failure is reported.</summary>
internal sealed class SmsByOptionsRules : IValidateOptions<SmsByOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsByOptions options)
    {
        var failures = new List<string>();
        var prefix = $"ViberMessaging:{name}:";
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"{prefix}Token is required: the SMS.by API token from your account's API settings.");
        }

        Senders(failures, prefix + "ViberSenders", options.ViberSenders, "vibername_id");
        Senders(failures, prefix + "SmsSenders", options.SmsSenders, "alphaname_id");
        if (!string.IsNullOrWhiteSpace(options.DefaultSender) && !options.TryResolveViberSender(options.DefaultSender, out _))
        {
            failures.Add($"{prefix}DefaultSender '{options.DefaultSender}' is neither a name in ViberSenders nor a positive numeric id.");
        }

        // TimeSpan ranges are checked here: [Range(typeof(TimeSpan), …)] is not trim-safe.
        var offset = options.ProviderUtcOffset;
        if (offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14) || offset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}ProviderUtcOffset must be whole minutes between -14:00 and +14:00; it is {offset}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Senders(List<string> failures, string key, IDictionary<string, int> senders, string idName)
    {
        foreach (var (sender, id) in senders)
        {
            if (string.IsNullOrWhiteSpace(sender))
            {
                failures.Add($"{key} has an empty sender name.");
            }
            else if (id <= 0)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key}:{sender} must be the sender's positive SMS.by {idName}; it is {id}."));
            }
        }
    }
}
