namespace ViberMessaging.AspNetCore;

/// <summary>
/// Hears the two-way replies the callback endpoints receive: register implementations in dependency injection
/// (<c>services.AddSingleton&lt;IViberReplyHandler, MyHandler&gt;()</c>).
/// </summary>
/// <remarks>
/// Called one reply at a time, in arrival order, after the endpoint has answered the gateway, so a slow handler never
/// delays the answer. An exception is logged and the next reply still comes.
/// </remarks>
public interface IViberReplyHandler
{
    /// <summary>Handles one reply.</summary>
    /// <param name="reply">The incoming message; <see cref="ChatMessage.InReplyTo"/> is the message answered, where the gateway said.</param>
    /// <param name="cancellationToken">Cancelled when the application stops.</param>
    /// <returns>A task that completes when the reply is handled.</returns>
    ValueTask OnReplyAsync(ChatMessage reply, CancellationToken cancellationToken);
}
