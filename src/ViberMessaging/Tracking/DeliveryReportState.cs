namespace ViberMessaging.Tracking;

/// <summary>Whether two reports say the same thing: a repeat that differs only in when it was stamped is no change.</summary>
internal static class DeliveryReportState
{
    public static bool Same(DeliveryReport a, DeliveryReport b)
        => a.ViberStatus == b.ViberStatus
        && a.SmsStatus == b.SmsStatus
        && a.FailureReason == b.FailureReason
        && string.Equals(a.RawStatus, b.RawStatus, StringComparison.Ordinal)
        && string.Equals(a.RawSmsStatus, b.RawSmsStatus, StringComparison.Ordinal)
        && string.Equals(a.ProviderErrorCode, b.ProviderErrorCode, StringComparison.Ordinal)
        && a.SmsPartIds.Count == b.SmsPartIds.Count
        && (a.Error is null) == (b.Error is null);
}
