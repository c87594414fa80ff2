using System.Globalization;

namespace ViberMessaging.Cli;

/// <summary>How values read on screen and in JSON.</summary>
internal static class Formats
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(TimeSpan? value) => value is { } v ? v.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";

    public static string? Iso(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    public static string Escape(string? text) => Spectre.Console.Markup.Escape(text ?? string.Empty);
}
