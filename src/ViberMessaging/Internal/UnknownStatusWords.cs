using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ViberMessaging.Internal;

/// <summary>
/// Logs, once per account and word, a delivery status a provider reported that the SDK does not know: enough to notice
/// that the provider started using a new word, without a line per poll. The report itself stays
/// <see cref="DeliveryStatus.Unknown"/> with the raw word kept. Thread-safe; remembers a bounded number of words, so a
/// provider answering garbage cannot grow it.
/// </summary>
internal sealed class UnknownStatusWords(string providerName, ILogger logger, SecretRedactor redactor)
{
    internal const int MaxRemembered = 64;
    private const int MaxLength = 64;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.OrdinalIgnoreCase);

    public void Observe(IEnumerable<DeliveryReport> reports)
    {
        foreach (var report in reports)
        {
            Observe(report);
        }
    }

    public void Observe(DeliveryReport report)
    {
        if (report.ViberStatus != DeliveryStatus.Unknown || string.IsNullOrWhiteSpace(report.RawStatus) || _seen.Count >= MaxRemembered)
        {
            return;
        }

        var word = report.RawStatus.Trim();
        if (word.Length > MaxLength)
        {
            word = word[..MaxLength];
        }

        if (_seen.TryAdd(word, 0))
        {
            // The word is the provider's text: it passes the account's redactor like every provider text that is logged.
            Log.UnknownStatusWord(logger, providerName, redactor.Redact(word));
        }
    }
}
