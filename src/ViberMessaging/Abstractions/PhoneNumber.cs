using System.Diagnostics.CodeAnalysis;
using ViberMessaging.Internal;

namespace ViberMessaging;

/// <summary>
/// A phone number in E.164 form: the country code and subscriber number as 7 to 15 ASCII digits, without the
/// leading <c>+</c>. This is the form every supported provider expects on the wire.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> accepts what people type: a leading <c>+</c> or international <c>00</c>, spaces,
/// dashes, dots and parentheses are removed, so <c>"+380 (98) 936-11-21"</c> becomes <c>380989361121</c>.
/// Anything else (letters, non-ASCII digits, a <c>+</c> that is not the first character, too few or too many
/// digits, a leading zero after the prefix) is rejected with a <see cref="ViberValidationException"/> that names
/// the input and the rule. Parsing a normalised number again yields the same number.
/// </para>
/// <para>Instances are immutable; equality compares the digits.</para>
/// </remarks>
public sealed class PhoneNumber : IEquatable<PhoneNumber>
{
    /// <summary>The fewest digits accepted (country code included).</summary>
    public const int MinDigits = 7;

    /// <summary>The most digits E.164 allows (country code included).</summary>
    public const int MaxDigits = 15;

    private PhoneNumber(string digits) => Digits = digits;

    /// <summary>The E.164 digits without <c>+</c>, for example <c>380989361121</c>.</summary>
    public string Digits { get; }

    /// <summary>Parses human input into a phone number.</summary>
    /// <param name="value">The text to parse, for example <c>"+380 (98) 936-11-21"</c>.</param>
    /// <returns>The normalised phone number.</returns>
    /// <exception cref="ViberValidationException">The input is not a phone number; the error names the input and the rule.</exception>
    public static PhoneNumber Parse(string value)
    {
        if (TryParse(value, out var number, out var error))
        {
            return number;
        }

        throw new ViberValidationException([error]);
    }

    /// <summary>Tries to parse human input into a phone number.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="number">The normalised number when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid phone number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out PhoneNumber? number)
        => TryParse(value, out number, out _);

    /// <summary>Parses the phone number, reporting a failure as a <see cref="ValidationError"/> for <paramref name="field"/>.</summary>
    internal static bool TryParse(
        [NotNullWhen(true)] string? value,
        [NotNullWhen(true)] out PhoneNumber? number,
        out ValidationError error,
        string field = "phone")
    {
        number = null;
        var problem = Normalize(value, out var digits);
        if (problem is null)
        {
            number = new PhoneNumber(digits!);
            error = default!;
            return true;
        }

        error = new ValidationError(field, problem.Value.Rule, $"'{Describe(value)}' is not a valid phone number: {problem.Value.Message}");
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(PhoneNumber? other) => other is not null && string.Equals(Digits, other.Digits, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Digits);

    /// <summary>Returns the number in E.164 notation with the leading <c>+</c>, for example <c>+380989361121</c>.</summary>
    /// <returns>The number as text.</returns>
    public override string ToString() => "+" + Digits;

    /// <summary>Compares two numbers by their digits.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when both are null or have the same digits.</returns>
    public static bool operator ==(PhoneNumber? left, PhoneNumber? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two numbers by their digits.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when the numbers differ.</returns>
    public static bool operator !=(PhoneNumber? left, PhoneNumber? right) => !(left == right);

    private static (string Rule, string Message)? Normalize(string? value, out string? digits)
    {
        digits = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return ("Required", "a phone number is required");
        }

        Span<char> buffer = stackalloc char[MaxDigits + 2];
        var span = value.AsSpan().Trim();
        if (ReadDigits(span, buffer, out var count, out var sawPlus) is { } unreadable)
        {
            return unreadable;
        }

        if (count == 0)
        {
            return ("Format", "the number has no digits");
        }

        // "00" is the international prefix people type instead of "+".
        var start = 0;
        var effective = count;
        if (!sawPlus && count >= 2 && count - 2 >= MinDigits && count - 2 <= MaxDigits && span.TrimStart().StartsWith("00", StringComparison.Ordinal))
        {
            start = 2;
            effective = count - 2;
        }

        if (effective > MaxDigits)
        {
            return ("MaxDigits", $"an E.164 number has at most {MaxDigits} digits, this one has {effective}");
        }

        if (effective < MinDigits)
        {
            return ("MinDigits", $"an international number needs at least {MinDigits} digits including the country code, this one has {effective}");
        }

        if (buffer[start] == '0')
        {
            return ("CountryCode", "a country code cannot start with 0; write the number in international form, for example +380...");
        }

        digits = new string(buffer.Slice(start, effective));
        return null;
    }

    /// <summary>The number's ASCII digits into <paramref name="buffer"/>, skipping separators; the first broken rule, if any.</summary>
    private static (string Rule, string Message)? ReadDigits(ReadOnlySpan<char> span, Span<char> buffer, out int count, out bool sawPlus)
    {
        count = 0;
        sawPlus = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == buffer.Length)
                {
                    return ("MaxDigits", $"an E.164 number has at most {MaxDigits} digits");
                }

                buffer[count++] = c;
            }
            else if (c == '+')
            {
                if (i != 0 || sawPlus)
                {
                    return ("Format", "'+' may only lead the number");
                }

                sawPlus = true;
            }
            else if (c is ' ' or '-' or '.' or '(' or ')' or '\u00A0')
            {
                continue;
            }
            else if (char.IsDigit(c))
            {
                return ("AsciiDigits", "only ASCII digits 0-9 are allowed");
            }
            else
            {
                return ("Format", $"the character '{PrintableText.CharacterAt(span, i)}' is not allowed (digits, a leading '+', spaces, dashes, dots and parentheses only)");
            }
        }

        return null;
    }

    private static string Describe(string? value) => PrintableText.Quote(value, 40);
}
