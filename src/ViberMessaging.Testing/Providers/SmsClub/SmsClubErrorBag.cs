using Microsoft.AspNetCore.Http;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>SMS Club's <c>{"errorRequest":{"errors":{key:[message, …]}}}</c>: every key with its messages, in the order found, each message once.</summary>
internal sealed class SmsClubErrorBag
{
    private readonly List<(string Key, List<string> Messages)> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>The keys and their messages, in the order found.</summary>
    public IReadOnlyList<(string Key, List<string> Messages)> Errors => _errors;

    public static SmsClubErrorBag Of(string key, string message)
    {
        var bag = new SmsClubErrorBag();
        bag.Add(key, message);
        return bag;
    }

    public void Add(string key, string message)
    {
        var existing = _errors.FindIndex(e => e.Key == key);
        if (existing < 0)
        {
            _errors.Add((key, [message]));
        }
        else if (!_errors[existing].Messages.Contains(message))
        {
            _errors[existing].Messages.Add(message);
        }
    }

    public Task WriteAsync(HttpContext context, int status)
        => EmulatorJson.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("errorRequest");
            writer.WriteStartObject("errors");
            foreach (var (key, messages) in _errors)
            {
                SmsClubEmulatorAnswers.WriteStrings(writer, key, messages);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
}
