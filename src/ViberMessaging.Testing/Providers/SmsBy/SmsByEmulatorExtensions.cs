using System.Net;

namespace ViberMessaging.Testing;

/// <summary>Scripts the emulated SMS.by (see <see cref="SmsByEmulatorSettings"/>).</summary>
public static class SmsByEmulatorExtensions
{
    /// <summary>See <see cref="SmsByEmulatorSettings.SetSubscriberList"/>.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="listId">The list's id.</param>
    /// <param name="phones">The subscribers.</param>
    public static void SetSmsBySubscriberList(this ViberEmulator emulator, long listId, params string[] phones)
        => emulator.Provider<SmsByEmulatorSettings>().SetSubscriberList(listId, phones);

    /// <summary>See <see cref="SmsByEmulatorSettings.OverrideStatus"/>.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="phone">The recipient.</param>
    /// <param name="status">The status word.</param>
    public static void OverrideSmsByStatus(this ViberEmulator emulator, string phone, string status)
        => emulator.Provider<SmsByEmulatorSettings>().OverrideStatus(phone, status);

    /// <summary>See <see cref="SmsByEmulatorSettings.NotFoundStatus"/>.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="httpStatus">The HTTP status.</param>
    public static void SetSmsByNotFoundStatus(this ViberEmulator emulator, int httpStatus)
        => emulator.Provider<SmsByEmulatorSettings>().NotFoundStatus = (HttpStatusCode)httpStatus;

    /// <summary>See <see cref="SmsByEmulatorSettings.AddIncomingMessage"/>.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <param name="mailingId">The mailing.</param>
    /// <param name="phone">Who replies.</param>
    /// <param name="text">The reply.</param>
    /// <returns>The incoming message's id.</returns>
    public static string AddSmsByIncomingMessage(this ViberEmulator emulator, long mailingId, string phone, string text)
        => emulator.Provider<SmsByEmulatorSettings>().AddIncomingMessage(mailingId, phone, text);
}
