using ViberMessaging.Providers;

namespace ViberMessaging.Tracking;

/// <summary>
/// An account's <see cref="IViberCallbackReader"/>: its provider's <see cref="ProviderCallbacks"/> with its name and
/// options, read on every callback so that a configuration reload (SMS.by's time zone offset) applies as it does to sends.
/// </summary>
internal sealed class ProviderCallbackReader(ProviderCallbacks callbacks, string account, Func<ViberProviderOptions> options) : IViberCallbackReader
{
    public bool PerRequest => callbacks.PerRequest;

    public ViberCallback Read(ReadOnlySpan<byte> body, IReadOnlyList<MessageId> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        return callbacks.Parse(body, account, options(), messageIds);
    }
}
