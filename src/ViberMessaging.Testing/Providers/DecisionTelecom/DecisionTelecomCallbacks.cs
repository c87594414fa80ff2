using System.Globalization;
using ViberMessaging.Testing.Infrastructure;

namespace ViberMessaging.Testing.Providers.DecisionTelecom;

/// <summary>
/// What DecisionTelecom posts to a message's <c>callback_url</c>: each status change (the receipt) and, for a two-way
/// message, the recipient's scripted reply.
/// </summary>
internal sealed class DecisionTelecomCallbacks(DecisionTelecomEmulator module)
{
    private EmulatorState State => module.State;

    /// <summary>Posts every status change of <paramref name="message"/> to <paramref name="callback"/> until it is final.</summary>
    public void FollowStatus(EmulatedMessage message, Uri callback)
    {
        var changes = ArmStatusChanges(message);
        module.Background.Run(token => PostStatusChangesAsync(message, callback, changes, token));
    }

    /// <summary>Posts the recipient's reply (token <paramref name="token"/>, written at <paramref name="at"/>) when its time comes.</summary>
    public void PostReply(EmulatedMessage message, string token, DateTimeOffset at, Uri callback)
    {
        var due = State.WaitUntilAsync(at, module.Background.Stopping);
        module.Background.Run(cancellation => PostReplyAsync(message, token, at, due, callback, cancellation));
    }

    /// <summary>
    /// Arms a wait for every moment the message's status can change, while the request that accepted it is still being
    /// answered. Armed later, in the background, a wait could read the clock before a test advanced it and start its
    /// timer after: the timer then ran from the advanced time and the callback never came.
    /// </summary>
    private Task[] ArmStatusChanges(EmulatedMessage message)
    {
        var timeline = State.Options.Timeline;
        return new[] { timeline.SentAfter, timeline.DeliveredAfter, timeline.ReadAfter, timeline.FailedAfter, timeline.FailedAfter + timeline.SmsDeliveredAfter }
            .Distinct()
            .Order()
            .Select(offset => State.WaitUntilAsync(message.AcceptedAt + offset, module.Background.Stopping))
            .ToArray();
    }

    private async Task PostStatusChangesAsync(EmulatedMessage message, Uri callback, Task[] changes, CancellationToken cancellationToken)
    {
        DecisionTelecomReceipt? last = null;
        foreach (var change in changes)
        {
            await change.ConfigureAwait(false);
            var receipt = module.ReceiptOf(message);
            if (receipt == last)
            {
                continue;
            }

            last = receipt;
            await EmulatorCallbacks.PostAsync(callback, EmulatorCallbacks.Serialize(receipt.Write), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PostReplyAsync(EmulatedMessage message, string token, DateTimeOffset at, Task due, Uri callback, CancellationToken cancellationToken)
    {
        await due.ConfigureAwait(false);
        var body = EmulatorCallbacks.Serialize(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("message_token", long.Parse(token, CultureInfo.InvariantCulture));
            writer.WriteString("phone_number", message.Recipient);
            writer.WriteNumber("time", at.ToUnixTimeSeconds());
            writer.WriteStartObject("message");
            writer.WriteString("text", State.Options.AutoReplyText);
            writer.WriteString("tracking_data", "tracking_id:" + message.Id);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        await EmulatorCallbacks.PostAsync(callback, body, cancellationToken).ConfigureAwait(false);
    }
}
