using ViberMessaging.Testing.Providers.SmsBy;

namespace ViberMessaging.Testing;

/// <summary>Scripts the emulated SMS.by: its stored subscriber lists, the replies recipients write, the status words it reports and how it says "not found".</summary>
public static class SmsByEmulatorExtensions
{
    /// <summary>
    /// Defines (or replaces) a subscriber list that SMS.by's <c>sendViberMessageList</c> can address. Lists 1 (four
    /// phones, <c>375291000001</c>–<c>4</c>) and 2 (two phones, <c>375292000001</c>–<c>2</c>) exist from the start.
    /// </summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="listId">The list's id (<c>list_id</c>).</param>
    /// <param name="phones">The subscribers, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <exception cref="ViberValidationException">A phone is not a phone number.</exception>
    public static void SetSmsBySubscriberList(this ViberEmulator emulator, long listId, params string[] phones)
    {
        ArgumentNullException.ThrowIfNull(phones);
        SmsByEmulator.Of(emulator).SetSubscriberList(listId, phones);
    }

    /// <summary>
    /// Makes SMS.by report <paramref name="status"/> for every message to <paramref name="phone"/> from now on
    /// (<c>getViberDeliveryData</c>, <c>getViberDeliveryList</c>, <c>statusBulkViber</c>), whatever its timeline says:
    /// a failure word such as <c>EXPIRED</c>, a lower-case word, or one SMS.by does not document.
    /// </summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="phone">The recipient, in any form <see cref="PhoneNumber.Parse"/> accepts.</param>
    /// <param name="status">The status word to answer, as it is.</param>
    /// <exception cref="ArgumentException"><paramref name="status"/> is empty.</exception>
    public static void OverrideSmsByStatus(this ViberEmulator emulator, string phone, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        SmsByEmulator.Of(emulator).OverrideStatus(phone, status);
    }

    /// <summary>
    /// Sends SMS.by's answer to an unknown id (<c>{"error":"not found"}</c>, and to an unknown uuid in
    /// <c>statusBulkViber</c>) with <paramref name="httpStatus"/> instead of 200, as other deployments may.
    /// </summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="httpStatus">The HTTP status, for example 400 or 404.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="httpStatus"/> is not between 200 and 599.</exception>
    public static void SetSmsByNotFoundStatus(this ViberEmulator emulator, int httpStatus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(httpStatus, 599);
        SmsByEmulator.Of(emulator).SetNotFoundStatus(httpStatus);
    }

    /// <summary>Adds a reply from <paramref name="phone"/> to an SMS.by mailing; <c>getNewIncomingMessages</c> returns it at once.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="mailingId">The mailing (a quick message's <c>message_id</c> is one too).</param>
    /// <param name="phone">Who replies.</param>
    /// <param name="text">The reply.</param>
    /// <returns>The incoming message's id.</returns>
    /// <exception cref="ArgumentException">The mailing does not exist.</exception>
    public static string AddSmsByIncomingMessage(this ViberEmulator emulator, long mailingId, string phone, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return SmsByEmulator.Of(emulator).AddIncoming(mailingId, phone, text);
    }
}
