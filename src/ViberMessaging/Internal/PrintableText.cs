using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ViberMessaging.Internal;

/// <summary>
/// Makes text safe to put in a message that people read and log writers encode: never half a character (a lone
/// UTF-16 surrogate makes a strict UTF-8 writer throw), and nothing that cannot be seen or that rearranges what
/// follows it (control characters, bidirectional overrides, zero-width spaces, unassigned code points) — those are
/// written as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>. The joiners inside emoji sequences stay as they are.
/// </summary>
internal static class PrintableText
{
    /// <summary>Escapes what is not printable; returns <paramref name="text"/> itself when nothing needs it.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Escape(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var first = FirstUnprintable(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var width = PrintableWidth(text, i);
            if (width > 0)
            {
                builder.Append(text, i, width);
                i += width - 1;
                continue;
            }

            _ = text[i] switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ => builder.Append("\\u").Append(((int)text[i]).ToString("X4", CultureInfo.InvariantCulture)),
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxLength"/> UTF-16 units on a character boundary (a
    /// whole emoji sequence stays or goes), with "…" when cut, then escaped.
    /// </summary>
    public static string Quote(string? text, int maxLength)
    {
        if (text is null)
        {
            return "(null)";
        }

        if (text.Length <= maxLength)
        {
            return Escape(text);
        }

        var length = 0;
        while (length < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, length);
            if (length + next > maxLength)
            {
                break;
            }

            length += next;
        }

        return Escape(string.Concat(text.AsSpan(0, length), "\u2026"));
    }

    /// <summary>The whole character at <paramref name="index"/> (both halves of a surrogate pair), escaped if unprintable.</summary>
    public static string CharacterAt(ReadOnlySpan<char> text, int index)
    {
        var length = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return Escape(text.Slice(index, length).ToString());
    }

    private static int FirstUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var width = PrintableWidth(text, i);
            if (width == 0)
            {
                return i;
            }

            i += width - 1;
        }

        return -1;
    }

    /// <summary>How many UTF-16 units at <paramref name="index"/> form one printable character (1 or 2), or 0 if it is not printable.</summary>
    private static int PrintableWidth(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                var rune = new Rune(c, text[index + 1]);
                return Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherNotAssigned ? 0 : 2;
            }

            return 0;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => 0,

            // Zero-width joiner and non-joiner hold emoji sequences and some scripts together; other format
            // characters (bidi overrides, zero-width space, BOM, soft hyphen) hide or reorder text.
            UnicodeCategory.Format => c is '\u200C' or '\u200D' ? 1 : 0,
            _ => 1,
        };
    }
}
