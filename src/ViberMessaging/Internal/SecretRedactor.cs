using System.Security.Cryptography;
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

            Account ??= Fingerprint(secret);

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

    /// <summary>
    /// The account's non-secret identity: <c>sha256:</c> and the first 8 hex digits of the SHA-256 of its first
    /// credential (token, key or password, UTF-8). Tells two accounts apart in an error without revealing either.
    /// </summary>
    public string? Account { get; }

    /// <summary>The fingerprint <see cref="Account"/> shows for <paramref name="secret"/>.</summary>
    public static string Fingerprint(string secret)
        => "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), 0, 4).ToLowerInvariant();

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
