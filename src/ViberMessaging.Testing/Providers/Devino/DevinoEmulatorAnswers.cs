using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.Devino;

/// <summary>
/// Devino's answers: a request-level <c>status</c> with per-message <c>code</c>s at HTTP 200 (refusals included),
/// Spring-style bodies (<c>{timestamp, status, error, message, path}</c>) for non-2xx answers, and a message's status
/// in the live API's field names or, when <see cref="DevinoEmulatorSettings.DocumentFieldNames"/> says so, the document's.
/// </summary>
internal sealed class DevinoEmulatorAnswers(DevinoEmulator module)
{
    private EmulatorState State => module.State;

    /// <summary>A refusal of the whole request: <c>{"status":"…","messages":[]}</c> at HTTP 200.</summary>
    public static Task RequestStatusAsync(HttpContext context, string status)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            writer.WriteStartArray("messages");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary><c>{"status":"ok","messages":[…]}</c>, one entry per message written by <paramref name="writeMessages"/>.</summary>
    public static Task OkAsync(HttpContext context, Action<Utf8JsonWriter> writeMessages)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WriteStartArray("messages");
            writeMessages(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public Task SpringAsync(HttpContext context, int status, string error, string message)
    {
        var path = module.PathOf(context);
        var timestamp = State.Now.ToUnixTimeMilliseconds();
        return EmulatorJson.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("timestamp", timestamp);
            writer.WriteNumber("status", status);
            writer.WriteString("error", error);
            writer.WriteString("message", message);
            writer.WriteString("path", path);
            writer.WriteEndObject();
        });
    }

    /// <summary>A message's status fields: the Viber status (with its failure reason) and, once a re-send runs, one SMS state per segment.</summary>
    public void WriteStatus(Utf8JsonWriter writer, EmulatedMessage message, DevinoSentExtras extras, DateTimeOffset now)
    {
        var status = State.StatusOf(message, now);
        var sentAfter = State.Options.Timeline.SentAfter;
        var visited = extras.IsButton && now >= status.ChangedAt + sentAfter;
        var changedAt = status.Viber == EmulatedViberState.Read && visited ? status.ChangedAt + sentAfter : status.ChangedAt;
        var documentNames = module.Settings.DocumentFieldNames;
        var hasSms = status.Sms is not null && extras.SmsSegments.Length > 0;

        // The document shows a re-sent message with its SMS states only; the live API adds the Viber status.
        if (!(hasSms && documentNames))
        {
            writer.WriteString("status", DevinoEmulatorRules.StatusWord(status.Viber, visited));
            writer.WriteString("statusAt", changedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            if (DevinoEmulatorRules.FailureReason(status) is { } reason)
            {
                writer.WriteString(documentNames ? "error" : "errorCode", reason);
            }
        }

        if (hasSms)
        {
            var smsWord = DevinoEmulatorRules.SmsWord(status.Sms);
            writer.WriteStartArray("smsStates");
            foreach (var segment in extras.SmsSegments)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", segment);
                writer.WriteString(documentNames ? "state" : "status", smsWord);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }
}
