namespace ViberMessaging;

/// <summary>
/// Hears every change <see cref="IDeliveryTracker"/> learns: register implementations in dependency injection
/// (<c>services.AddSingleton&lt;IDeliveryReportHandler, MyHandler&gt;()</c>) to react to deliveries without a loop.
/// </summary>
/// <remarks>
/// Called one report at a time, in the order the tracker learned them, away from the polling loop and the callback
/// endpoints, so a slow handler delays only later handler calls. An exception is logged and the next report still comes.
/// </remarks>
public interface IDeliveryReportHandler
{
    /// <summary>Handles one change.</summary>
    /// <param name="report">The merged state of the message after the change.</param>
    /// <param name="cancellationToken">Cancelled when the application stops.</param>
    /// <returns>A task that completes when the report is handled.</returns>
    ValueTask OnReportAsync(DeliveryReport report, CancellationToken cancellationToken);
}
