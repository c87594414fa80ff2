namespace ViberMessaging;

/// <summary>
/// Where the providers that push should post an account's callbacks. When one is registered (<c>ViberMessaging.AspNetCore</c>'s
/// <c>AddViberCallbacks</c> with a <c>PublicBaseAddress</c>), the SDK sets <c>callback_url</c> on the sends that take one
/// and leave <see cref="ViberMessage.CallbackUrl"/> unset. Which sends those are, and how their callbacks are read, is
/// the account's <see cref="IViberCallbackReader"/>: every send of an account whose callbacks name their message, and
/// each request of one whose answer does not (<see cref="IViberCallbackReader.PerRequest"/>).
/// </summary>
/// <remarks>
/// <para>Thread-safe. Called on the send path before the request leaves: implementations must not block or throw.</para>
/// <para>
/// SMS.by's asynchronous answer to <c>sendBulkViber</c> does not name the request it answers, so each such request gets
/// its own URL with a fresh <c>correlationToken</c>; once SMS.by has answered the send, the SDK calls
/// <see cref="CorrelateAsync"/> with the request's message ids, and a callback that came earlier is merged then.
/// </para>
/// </remarks>
public interface IViberCallbackAddress
{
    /// <summary>The URL the account's provider should post this request's callbacks to.</summary>
    /// <param name="providerName">The account's registration name.</param>
    /// <param name="correlationToken">
    /// <see langword="null"/> when the callbacks name their message; otherwise a fresh token
    /// (letters and digits) that the URL must carry so its callback can be tied to the request.
    /// </param>
    /// <returns>The absolute URL, or <see langword="null"/> to leave <c>callback_url</c> unset for this account.</returns>
    Uri? GetCallbackUrl(string providerName, string? correlationToken);

    /// <summary>Ties a correlation token to the message ids of the request that carried it, once the provider answered.</summary>
    /// <param name="providerName">The account's registration name.</param>
    /// <param name="correlationToken">The token given to <see cref="GetCallbackUrl"/>.</param>
    /// <param name="messageIds">The ids the send returned for the request's recipients.</param>
    /// <param name="cancellationToken">Cancels merging callbacks that arrived before the answer.</param>
    /// <returns>A task that completes when the callbacks that came first are merged; it does not fail for a store problem (logged instead).</returns>
    ValueTask CorrelateAsync(string providerName, string correlationToken, IReadOnlyList<MessageId> messageIds, CancellationToken cancellationToken);
}
