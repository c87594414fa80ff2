using System.Globalization;

namespace ViberMessaging.Testing.Providers.SmsClub;

/// <summary>SMS Club's clock: dates written as <c>yyyy-MM-dd HH:mm:ss</c> in Europe/Kyiv; mailings planned 08:00–20:00 there.</summary>
internal static class SmsClubKyivTime
{
    public static TimeZoneInfo Zone { get; } = Find();

    public static string Format(DateTimeOffset instant)
        => TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Whether an instant lies in the 08:00–20:00 Kyiv window in which mailings may be planned.</summary>
    public static bool InMailingWindow(DateTimeOffset instant)
    {
        var time = TimeZoneInfo.ConvertTime(instant, Zone).TimeOfDay;
        return time >= TimeSpan.FromHours(8) && time <= TimeSpan.FromHours(20);
    }

    private static TimeZoneInfo Find()
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

        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0, DateTimeKind.Unspecified), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 4, 0, 0, DateTimeKind.Unspecified), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Europe/Kyiv", TimeSpan.FromHours(2), "Kyiv", "EET", "EEST", [rule]);
    }
}
