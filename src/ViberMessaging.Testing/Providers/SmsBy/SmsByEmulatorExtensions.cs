using ViberMessaging.Testing.Providers.SmsBy;

namespace ViberMessaging.Testing;

/// <summary>Scripts the emulated SMS.by: its stored subscriber lists and the replies recipients write.</summary>
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
