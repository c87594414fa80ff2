using System.Globalization;

namespace ViberMessaging.SmsClub;

/// <summary>
/// SMS Club's clock: dates on the wire are <c>yyyy-MM-dd HH:mm:ss</c> in Kyiv time (Europe/Kyiv, EET/EEST), and the
/// 08:00–20:00 scheduling window is Kyiv time too.
/// </summary>
internal static class SmsClubDates
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    private static readonly string[] Formats = [Format, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    /// <summary>Europe/Kyiv from the system's time-zone data (IANA or Windows id), or the same EET/EEST rules built in.</summary>
    public static TimeZoneInfo Kyiv { get; } = FindKyiv();

    /// <summary>Reads a provider-local date; <see langword="null"/> when it is missing or unreadable (a date never fails a whole answer).</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Kyiv.GetUtcOffset(local));
    }

    /// <summary>The instant as Kyiv wall-clock time.</summary>
    public static DateTimeOffset ToKyiv(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Kyiv);

    /// <summary>Writes an instant as the provider writes dates.</summary>
    public static string ToWire(DateTimeOffset instant) => ToKyiv(instant).ToString(Format, CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindKyiv()
    {
        foreach (var id in new[] { "Europe/Kyiv", "Europe/Kiev", "FLE Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        // No time-zone data (a slim container): Ukraine keeps the EU rules, +2 h with summer time from the last Sunday
        // of March 03:00 to the last Sunday of October 04:00 local time.
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0, DateTimeKind.Unspecified), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 4, 0, 0, DateTimeKind.Unspecified), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Europe/Kyiv", TimeSpan.FromHours(2), "Kyiv", "EET", "EEST", [rule]);
    }
}
