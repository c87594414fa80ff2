using System.Text;

namespace ViberMessaging.Internal;

/// <summary>
/// Removes an account's secrets (and their Base64 forms, as they appear in Authorization headers) from text that
/// may reach a log or an exception: provider bodies echo requests more often than one would hope.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret) || secret.Length < 4)
            {
                continue;
            }

            all.Add(secret);
            all.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
            all.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret + ":")));
            all.Add(Uri.EscapeDataString(secret));

            // As FormUrlEncodedContent writes it (SMS.by's token travels in form bodies): a space becomes '+'.
            all.Add(Uri.EscapeDataString(secret).Replace("%20", "+", StringComparison.Ordinal));
        }

        // Longest first, so a secret that contains another is masked whole.
        _secrets = all.OrderByDescending(s => s.Length).ToArray();
    }

    public static SecretRedactor None { get; } = new([]);

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
