using ViberMessaging.Internal;

namespace ViberMessaging.Telemetry;

/// <summary>An account's <see cref="IViberSender"/> with every send traced, measured and, when it fails, logged.</summary>
internal sealed class ObservedViberSender(IViberSender inner, OperationObserver observer, ObservedServices services) : IViberSender, IViberMessageCheck
{
    public string ProviderName => inner.ProviderName;

    public ProviderCapabilities Capabilities => inner.Capabilities;

    public Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
        => observer.RunAsync(ViberOperation.Send, (inner, message), static (s, ct) => s.inner.SendAsync(s.message, ct), cancellationToken, ViberMessagingInstruments.RecipientsTag, message?.Recipients?.Count ?? 0);

    /// <summary>The provider's own pre-send check; a sender without one accepts everything here and validates when it sends.</summary>
    public void Check(ViberMessage message) => (inner as IViberMessageCheck)?.Check(message);

    public object? GetService(Type serviceType, object? serviceKey = null) => services.GetService(serviceType, serviceKey);
}
