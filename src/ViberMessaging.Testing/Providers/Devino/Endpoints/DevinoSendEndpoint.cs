using System.Globalization;
using System.Text.Json;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.Devino;

/// <summary>
/// <c>POST /send</c>: up to 100 messages (each merged over <c>commonData</c>); a request-wide rule refuses them all,
/// otherwise each gets its own <c>code</c>, and a provider id when it is accepted.
/// </summary>
internal sealed class DevinoSendEndpoint(DevinoEmulator module) : EmulatorEndpoint("POST", "/send")
{
    private EmulatorState State => module.State;

    public override async Task HandleAsync(EmulatorCall call)
    {
        var body = call.Json!.Value;
        if (!DevinoEmulatorRules.TryMessages(body, out var messages) || !DevinoEmulatorRules.TryResendSms(body, out var resendSms)
            || (body.TryGetProperty("commonData", out var common) && common.ValueKind != JsonValueKind.Object))
        {
            await DevinoEmulatorAnswers.RequestStatusAsync(call.Context, "error-syntax").ConfigureAwait(false);
            return;
        }

        var merged = messages.Select(m => DevinoEmulatorRules.Merge(common, m)).ToArray();
        if (merged.Select(DevinoEmulatorRules.RequestWideCode).FirstOrDefault(code => code is not null) is { } requestCode)
        {
            await DevinoEmulatorAnswers.RequestStatusAsync(call.Context, requestCode).ConfigureAwait(false);
            return;
        }

        var results = merged.Select(message => Accept(message, resendSms)).ToArray();
        await DevinoEmulatorAnswers.OkAsync(call.Context, writer =>
        {
            foreach (var (id, code) in results)
            {
                writer.WriteStartObject();
                if (id is { } providerId)
                {
                    writer.WriteNumber("providerId", providerId);
                }

                writer.WriteString("code", code);
                writer.WriteEndObject();
            }
        }).ConfigureAwait(false);
    }

    private (long? Id, string Code) Accept(Dictionary<string, JsonElement> message, bool resendSms)
    {
        if (Refusal(message, resendSms, out var digits) is { } code)
        {
            return (null, code);
        }

        var content = message["content"];
        var text = DevinoEmulatorRules.Text(content, "text");
        var smsText = resendSms ? DevinoEmulatorRules.Text(message, "smsText") : null;
        var id = State.NextId(module.Name, DevinoEmulator.FirstProviderId);
        var accepted = new EmulatedMessage
        {
            Provider = module.Name,
            Id = id.ToString(CultureInfo.InvariantCulture),
            Recipient = digits,
            Text = text,
            Sender = DevinoEmulatorRules.Text(message, "subject"),
            ImageUrl = DevinoEmulatorRules.Text(content, "imageUrl"),
            ButtonCaption = DevinoEmulatorRules.Text(content, "caption"),
            ButtonUrl = DevinoEmulatorRules.Text(content, "action"),
            SmsText = smsText,
            SmsFallbackRequested = resendSms && smsText is null,
            AcceptedAt = State.Now,
            Behavior = State.BehaviorOf(digits),
        };
        var segments = accepted.HasSmsFallback
            ? Enumerable.Range(0, DevinoEmulatorRules.SegmentCount(smsText ?? text ?? string.Empty)).Select(_ => State.NextId(module.Name + ".sms", DevinoEmulator.FirstSmsId)).ToArray()
            : [];
        module.Remember(accepted.Id, new DevinoSentExtras(message["contentType"].GetString() == "button", segments));
        State.Accept(accepted);
        return (id, "ok");
    }

    /// <summary>The code a message is refused with, in the gateway's order: address, a scripted code, a scripted recipient, the rest of the message.</summary>
    private string? Refusal(Dictionary<string, JsonElement> message, bool resendSms, out string digits)
    {
        var addressCode = DevinoEmulatorRules.AddressCode(message, out var address);
        digits = address ?? string.Empty;
        return addressCode
            ?? module.Settings.ScriptedCode(digits)
            ?? DevinoEmulatorRules.BehaviorCode(State.BehaviorOf(digits))
            ?? DevinoEmulatorRules.MessageCode(message, resendSms);
    }
}
