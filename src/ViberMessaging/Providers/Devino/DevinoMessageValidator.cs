using System.Globalization;
using ViberMessaging.Internal;

namespace ViberMessaging.Devino;

/// <summary>
/// Devino's rules, checked before any request with every violation reported at once: the neutral rules read from
/// <see cref="CapabilitiesFor"/> (sender ≤ 11, text ≤ 1000, caption ≤ 19, http(s) URLs, validity 30 s–24 h, E.164
/// recipients) plus the content types Devino has, the SMS re-send's sender and validity, and numeric message ids.
/// </summary>
internal static class DevinoMessageValidator
{
    public const int MaxSubjectLength = 11;
    public const int MaxTextLength = 1000;
    public const int MaxCaptionLength = 19;
    public const int MaxSmsSenderLength = 11;

    /// <summary>The shortest <c>validityPeriodSec</c>: 30 s in Devino's newer documents (15 s in the older one), so the stricter.</summary>
    public static readonly TimeSpan MinValidityPeriod = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>validityPeriodSec</c>: 24 hours.</summary>
    public static readonly TimeSpan MaxValidityPeriod = TimeSpan.FromSeconds(86_400);

    /// <summary>The shortest <c>smsValidityPeriodSec</c>: 60 s in Devino's newer documents (15 s in the older one), so the stricter.</summary>
    public static readonly TimeSpan MinSmsValidityPeriod = TimeSpan.FromSeconds(60);

    /// <summary>The longest <c>smsValidityPeriodSec</c>: 24 hours.</summary>
    public static readonly TimeSpan MaxSmsValidityPeriod = TimeSpan.FromSeconds(86_400);

    public static ProviderCapabilities CapabilitiesFor(DevinoOptions options) => new()
    {
        SupportsImage = true,
        SupportsImageOnly = true,
        SupportsButton = true,
        SupportsSmsFallback = true,
        SupportsPriority = true,
        MaxRecipientsPerRequest = options.MaxMessagesPerRequest,
        MaxStatusIdsPerRequest = options.MaxIdsPerStatusRequest,
        MaxTextLength = MaxTextLength,
        MaxSenderLength = MaxSubjectLength,
        MaxButtonCaptionLength = MaxCaptionLength,
        MinTimeToLive = MinValidityPeriod,
        MaxTimeToLive = MaxValidityPeriod,
    };

    /// <summary>Throws <see cref="ViberValidationException"/> listing every rule <paramref name="message"/> breaks.</summary>
    public static void Validate(ViberMessage message, ProviderCapabilities capabilities, string providerName)
    {
        var errors = new ValidationErrors();
        NeutralMessageRules.Validate(message, capabilities, providerName, errors);

        var imageOnly = DevinoRequestMapper.IsImageOnly(message);
        if (message.ImageUrl is not null && message.Button is null && !string.IsNullOrEmpty(message.Text))
        {
            errors.Add(
                nameof(ViberMessage.ImageUrl),
                "Combination",
                $"{providerName} sends an image alone or with text and a button, not with text only: add a Button or remove the Text.");
        }

        if (message.SmsFallback is { } sms)
        {
            if (imageOnly)
            {
                errors.Add(
                    nameof(ViberMessage.SmsFallback),
                    "NotSupported",
                    $"{providerName} cannot re-send an image-only message as SMS (resendSms is rejected for contentType image).");
            }

            if (sms.Sender is { } sender && !IsSmsSender(sender))
            {
                errors.Add(
                    "SmsFallback.Sender",
                    "Format",
                    string.Create(CultureInfo.InvariantCulture, $"SmsFallback.Sender must be 1 to {MaxSmsSenderLength} Latin letters or digits; '{sender}' is not."));
            }

            errors.Range("SmsFallback.TimeToLive", sms.TimeToLive, MinSmsValidityPeriod, MaxSmsValidityPeriod);
        }

        errors.ThrowIfAny();
    }

    /// <summary>Reads Devino's numeric ids out of <paramref name="messageIds"/>, or throws listing every id that is not one of this provider's.</summary>
    public static MessageId[] ValidateMessageIds(IEnumerable<MessageId> messageIds, string providerName)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var ids = messageIds as MessageId[] ?? messageIds.ToArray();
        var errors = new ValidationErrors();
        for (var i = 0; i < ids.Length && errors.Count < 20; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"messageIds[{i}]");
            if (ids[i].IsEmpty)
            {
                errors.Add(field, "Required", $"{field} is empty.");
            }
            else if (!string.Equals(ids[i].Provider, providerName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field, "Provider", $"{field} ({ids[i]}) belongs to provider '{ids[i].Provider}', not '{providerName}'.");
            }
            else if (!TryParseProviderId(ids[i], out _))
            {
                errors.Add(field, "Format", $"{field} ({ids[i]}) is not a {providerName} id: Devino's ids are positive 64-bit integers.");
            }
        }

        errors.ThrowIfAny();
        return ids;
    }

    public static bool TryParseProviderId(MessageId id, out long providerId)
        => long.TryParse(id.Value, NumberStyles.None, CultureInfo.InvariantCulture, out providerId) && providerId > 0;

    private static bool IsSmsSender(string sender)
    {
        if (sender.Length is 0 or > MaxSmsSenderLength)
        {
            return false;
        }

        foreach (var c in sender)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
