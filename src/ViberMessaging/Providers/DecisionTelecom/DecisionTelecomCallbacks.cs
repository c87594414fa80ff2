using System.Globalization;
using System.Text;
using System.Text.Json;
using ViberMessaging.Internal;

namespace ViberMessaging.DecisionTelecom;

/// <summary>
/// Reads the bodies DecisionTelecom posts to a message's <see cref="ViberMessage.CallbackUrl"/>: status updates
/// and, for two-way messages, the recipients' replies. Plain functions over the request body's bytes, so they work
/// in any web framework.
/// </summary>
/// <remarks>
/// <para>Both kinds may arrive at the same URL: tell them apart with <see cref="IsReply"/>.</para>
/// <para>
/// A body that is not what DecisionTelecom sends fails with a <see cref="ViberMessagingException"/> whose
/// <see cref="ViberMessagingException.ErrorCode"/> is <see cref="ViberErrorCode.MalformedResponse"/> and whose
/// <see cref="ViberMessagingException.ResponseBody"/> keeps the raw text; never with another exception. Values the
/// SDK does not know (a new status int) are kept raw on the result instead of failing.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// app.MapPost("/decisiontelecom/callback", async (HttpRequest request) =>
/// {
///     using var body = new MemoryStream();
///     await request.Body.CopyToAsync(body);
///     if (DecisionTelecomCallbacks.IsReply(body.ToArray()))
///     {
///         ChatMessage reply = DecisionTelecomCallbacks.ParseReply(body.ToArray());
///         // reply.InReplyTo is the MessageId SendAsync returned for the message answered.
///     }
///     else
///     {
///         DeliveryReport report = DecisionTelecomCallbacks.ParseStatus(body.ToArray());
///     }
///
///     return Results.Ok();
/// });
/// </code>
/// </example>
public static class DecisionTelecomCallbacks
{
    private const int MaxBodyInErrors = 4096;
    private const string TrackingIdPrefix = "tracking_id:";

    /// <summary>Whether a callback body is a two-way reply (it has <c>message_token</c> or a <c>message</c> object) rather than a status update.</summary>
    /// <param name="json">The callback's body.</param>
    /// <returns><see langword="true"/> for a reply; <see langword="false"/> for anything else, including a body that is not JSON.</returns>
    public static bool IsReply(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DecisionTelecomJsonContext.Default.ReplyCallback) is { } reply
                && ReplyRules.IsIncoming(new IncomingFacts { ReplyToken = reply.MessageToken, HasReplyBody = reply.Message is not null });
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a status callback (the shape of the status query's answer:
    /// <c>{"message_id":429,"status":1}</c>, after Viber + SMS also <c>"sms_message_id":3098,"sms_message_status":2</c>).
    /// </summary>
    /// <param name="json">The callback's body.</param>
    /// <param name="providerName">The registration name the message was sent through, which becomes the provider part of <see cref="DeliveryReport.MessageId"/>.</param>
    /// <returns>
    /// The report: the Viber status (0 sent, 1 delivered, 2 error, 3 rejected, 4 undelivered, 5 pending, anything else
    /// unknown) with the raw int in <see cref="DeliveryReport.RawStatus"/>, and the SMS fallback's SMPP state and id where present.
    /// </returns>
    /// <exception cref="ViberMessagingException">The body is not a DecisionTelecom status callback (<see cref="ViberErrorCode.MalformedResponse"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="providerName"/> is empty or contains ':'.</exception>
    public static DeliveryReport ParseStatus(ReadOnlySpan<byte> json, string providerName = ViberProviders.DecisionTelecom)
    {
        CheckProviderName(providerName);
        ReceiveViberResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(json, DecisionTelecomJsonContext.Default.ReceiveViberResponse);
        }
        catch (JsonException exception)
        {
            throw Malformed(json, providerName, "status", "the body is not the JSON object DecisionTelecom sends.", exception);
        }

        if (answer is null || answer.IsError)
        {
            throw Malformed(json, providerName, "status", "the body is not a status object.");
        }

        if (!DecisionTelecomAnswer.IsMessageId(answer.MessageId))
        {
            throw Malformed(json, providerName, "status", "message_id is missing or not an Int64.");
        }

        if (!answer.IsComplete)
        {
            throw Malformed(json, providerName, "status", "status is missing.");
        }

        return DecisionTelecomResponseMapper.FromDecisionTelecomStatus(answer, new MessageId(providerName, answer.MessageId!)).WithRaw(answer);
    }

    /// <summary>
    /// Reads a two-way reply:
    /// <c>{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"…","tracking_data":"tracking_id:100035"}}</c>.
    /// </summary>
    /// <param name="json">The callback's body.</param>
    /// <param name="providerName">The registration name the answered message was sent through (the provider part of <see cref="ChatMessage.InReplyTo"/>).</param>
    /// <returns>
    /// An <see cref="ChatMessageDirection.Incoming"/> message: its text (empty when the user sent no text), the
    /// author's <see cref="ChatMessage.Phone"/>, <see cref="ChatMessage.Timestamp"/> from the unix <c>time</c> (UTC),
    /// <c>message_token</c> as <see cref="ChatMessage.ProviderMessageId"/>, and <see cref="ChatMessage.InReplyTo"/> =
    /// the <see cref="MessageId"/> of the message answered, read from <c>tracking_data</c> (<see langword="null"/> when
    /// it is not of the form <c>tracking_id:&lt;id&gt;</c>).
    /// </returns>
    /// <exception cref="ViberMessagingException">The body is not a DecisionTelecom reply (<see cref="ViberErrorCode.MalformedResponse"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="providerName"/> is empty or contains ':'.</exception>
    public static ChatMessage ParseReply(ReadOnlySpan<byte> json, string providerName = ViberProviders.DecisionTelecom)
    {
        CheckProviderName(providerName);
        ReplyCallback? reply;
        try
        {
            reply = JsonSerializer.Deserialize(json, DecisionTelecomJsonContext.Default.ReplyCallback);
        }
        catch (JsonException exception)
        {
            throw Malformed(json, providerName, "reply", "the body is not the JSON object DecisionTelecom sends.", exception);
        }

        if (reply?.Message is not { } message)
        {
            throw Malformed(json, providerName, "reply", "the message object is missing.");
        }

        if (!PhoneNumber.TryParse(reply.PhoneNumber, out var phone))
        {
            throw Malformed(json, providerName, "reply", "phone_number is missing or not a phone number.");
        }

        DateTimeOffset? timestamp = null;
        if (reply.Time is { } time)
        {
            if (!long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                throw Malformed(json, providerName, "reply", "time is not unix seconds.");
            }

            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return new ChatMessage
        {
            Direction = ReplyRules.DirectionOf(new IncomingFacts { ReplyToken = reply.MessageToken, HasReplyBody = true }),
            Text = message.Text ?? string.Empty,
            Phone = phone,
            Timestamp = timestamp,
            ProviderMessageId = reply.MessageToken,
            InReplyTo = TrackedMessage(message.TrackingData, providerName),
        };
    }

    private static MessageId? TrackedMessage(string? trackingData, string providerName)
    {
        var data = trackingData.AsSpan().Trim();
        if (!data.StartsWith(TrackingIdPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = data[TrackingIdPrefix.Length..].Trim().ToString();
        return DecisionTelecomAnswer.IsMessageId(id) ? new MessageId(providerName, id) : null;
    }

    private static void CheckProviderName(string providerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        if (providerName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A provider name cannot contain ':'.", nameof(providerName));
        }
    }

    private static ViberMessagingException Malformed(ReadOnlySpan<byte> json, string providerName, string kind, string detail, Exception? inner = null)
    {
        var text = Encoding.UTF8.GetString(json[..Math.Min(json.Length, MaxBodyInErrors)]);
        return new ViberMessagingException(ViberErrorCode.MalformedResponse, $"The DecisionTelecom {kind} callback could not be read: {detail}", inner)
        {
            ProviderName = providerName,
            ResponseBody = json.Length > MaxBodyInErrors ? text + "…" : text,
        };
    }
}
