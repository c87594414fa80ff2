using System.Text.Json;

using ViberMessaging.Internal.Json;

namespace ViberMessaging.SmsClub;

/// <summary>A string that may arrive as a string, a number (kept as its exact digits, never through double) or a boolean; anything else reads as <see langword="null"/>.</summary>
internal sealed class SmsClubStringConverter : ScalarTextConverterBase
{
    protected override string? ReadNonScalar(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
