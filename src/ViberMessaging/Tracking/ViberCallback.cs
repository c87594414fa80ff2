namespace ViberMessaging;

/// <summary>What one provider callback carried (<see cref="IViberCallbackReader.Read"/>): a two-way reply, or status reports.</summary>
public sealed class ViberCallback
{
    /// <summary>A status callback.</summary>
    /// <param name="reports">The reports, in the order the body gives them.</param>
    public ViberCallback(IReadOnlyList<DeliveryReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        Reports = reports;
    }

    /// <summary>A reply in a two-way conversation.</summary>
    /// <param name="reply">The reply.</param>
    public ViberCallback(ChatMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Reply = reply;
        Reports = [];
    }

    /// <summary>The reply, or <see langword="null"/> for a status callback.</summary>
    public ChatMessage? Reply { get; }

    /// <summary>The status reports; empty for a reply.</summary>
    public IReadOnlyList<DeliveryReport> Reports { get; }
}
