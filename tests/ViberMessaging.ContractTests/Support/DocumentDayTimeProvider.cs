namespace ViberMessaging.ContractTests.Support;

/// <summary>
/// The system clock moved back to the day before the documents' oldest example: the documents schedule their examples
/// on dates now past (SMS.by 2024-02-03 and 2024-10-30, SMS Club 2025-03-03), and the SDK refuses a schedule in the past
/// before any request. Only "now" moves; elapsed time, timestamps and timers stay the system's, so pacing and timeouts
/// run as they do for a user.
/// </summary>
internal sealed class DocumentDayTimeProvider : TimeProvider
{
    /// <summary>Midnight UTC before the oldest scheduled example of the four documents.</summary>
    public static readonly DateTimeOffset DocumentDay = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TimeSpan _shift = DocumentDay - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
