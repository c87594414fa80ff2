using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.SmsBy;

/// <summary>
/// SMS.by's answers: <c>{"status":"OK","result":…}</c>, errors as <c>{"error":"…"}</c> (v2 refusals with HTTP 200),
/// a mailing as <c>getViberMessages</c> lists it, a delivery's status word (or the one a test made it report), and
/// the <c>statusBulkViber</c> answer that is also the bulk callback's body. Times are Minsk time without a zone.
/// </summary>
internal sealed class SmsByEmulatorAnswers(SmsByEmulator module)
{
    public static Task OkAsync(HttpContext context, string status, Action<Utf8JsonWriter> writeResult)
        => EmulatorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            writer.WritePropertyName("result");
            writeResult(writer);
            writer.WriteEndObject();
        });

    public static Task ErrorAsync(HttpContext context, int status, string message)
        => EmulatorJson.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        });

    /// <summary>The answer to an unknown id or uuid, with the HTTP status the settings give it.</summary>
    public Task NotFoundAsync(HttpContext context) => ErrorAsync(context, (int)module.Settings.NotFoundStatus, "not found");

    /// <summary>A delivery's status word, <c>error_code</c> and when it last changed.</summary>
    public (string Word, int ErrorCode, DateTimeOffset At) StatusOf(EmulatedMessage delivery)
    {
        var status = module.State.StatusOf(delivery, module.State.Now);
        var (word, code) = SmsByEmulatorRules.StatusOf(status, module.Settings.OverriddenStatus(delivery.Recipient));
        return (word, code, status.ChangedAt);
    }

    /// <summary>A mailing as <c>getViberMessages</c> and <c>getViberMessageData</c> write it (the id as a string when asked, as SMS.by does for every second one).</summary>
    public void WriteMailing(Utf8JsonWriter writer, SmsByEmulatedMailing mailing, bool idAsString)
    {
        var (cost, status) = module.Store.Read(() => (mailing.Deliveries.Count * SmsByEmulatorRules.PricePerMessage, mailing.Confirmed ? "SENT" : "NEW"));
        writer.WriteStartObject();
        if (idAsString)
        {
            writer.WriteString("message_id", mailing.Id.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber("message_id", mailing.Id);
        }

        writer.WriteString("message_type", mailing.MessageType);
        writer.WriteString("message", mailing.Text ?? string.Empty);
        writer.WriteString("button_caption", mailing.ButtonCaption ?? string.Empty);
        writer.WriteString("button_link", mailing.ButtonLink ?? string.Empty);
        writer.WriteString("image_file", mailing.Image ?? string.Empty);
        writer.WriteString("status", status);
        writer.WriteString("d_create", SmsByEmulatorRules.Local(mailing.CreatedAt, "yyyy-MM-dd HH:mm:ss"));
        writer.WriteString("d_schedule", SmsByEmulatorRules.Local(mailing.ScheduledAt ?? mailing.CreatedAt, "yyyy-MM-dd HH:mm:ss"));
        writer.WriteString("cost", cost.ToString("0.00000", CultureInfo.InvariantCulture) + " EUR");
        writer.WriteEndObject();
    }

    /// <summary>Per list of a bulk request, in order: <c>{"errors":[…]}</c>, or the mailing with each delivery's status.</summary>
    public void WriteBulkStatus(Utf8JsonWriter writer, SmsByEmulatedBulk bulk)
    {
        writer.WriteStartArray();
        module.Store.Read(() =>
        {
            foreach (var (mailing, error) in bulk.Lists)
            {
                writer.WriteStartObject();
                if (mailing is null)
                {
                    writer.WriteStartArray("errors");
                    writer.WriteStringValue(error);
                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteNumber("message_id", mailing.Id);
                    writer.WriteString("name", mailing.Name);
                    writer.WriteNumber("alphaname_id", mailing.SenderId);
                    WriteDeliveries(writer, mailing);
                }

                writer.WriteEndObject();
            }
        });
        writer.WriteEndArray();
    }

    private void WriteDeliveries(Utf8JsonWriter writer, SmsByEmulatedMailing mailing)
    {
        writer.WriteStartArray("success");
        foreach (var delivery in mailing.Deliveries)
        {
            var (word, _, at) = StatusOf(delivery);
            writer.WriteStartObject();
            writer.WriteNumber("delivery_id", long.Parse(delivery.Id, CultureInfo.InvariantCulture));
            writer.WriteString("phone", delivery.Recipient);
            writer.WriteString("status", word);
            writer.WriteString("status_time", SmsByEmulatorRules.Local(at, "yyyy-MM-dd HH:mm:ss.ffffff"));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
