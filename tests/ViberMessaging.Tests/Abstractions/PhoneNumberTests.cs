using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ViberMessaging.Tests.Abstractions;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+380 (98) 936-11-21", "380989361121")]
    [InlineData("380989361121", "380989361121")]
    [InlineData("  +375 29 111-11-11 ", "375291111111")]
    [InlineData("00380989361121", "380989361121")]
    [InlineData("+7.925.000.00.00", "79250000000")]
    [InlineData("+49\u00A0179 1112233", "491791112233")]
    public void Parse_HumanInput_NormalisesToE164Digits(string input, string digits)
    {
        var number = PhoneNumber.Parse(input);

        Assert.Equal(digits, number.Digits);
        Assert.Equal("+" + digits, number.ToString());
    }

    [Theory]
    [InlineData("", "Required")]
    [InlineData("   ", "Required")]
    [InlineData("+", "Format")]
    [InlineData("call me", "Format")]
    [InlineData("38098abc1121", "Format")]
    [InlineData("+38098+9361121", "Format")]
    [InlineData("٣٨٠٩٨٩٣٦١١٢١", "AsciiDigits")]
    [InlineData("123456", "MinDigits")]
    [InlineData("+1234567890123456", "MaxDigits")]
    [InlineData("0989361121", "CountryCode")]
    public void Parse_InvalidInput_ThrowsNamingInputAndRule(string input, string rule)
    {
        var error = Assert.Throws<ViberValidationException>(() => PhoneNumber.Parse(input));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(rule, problem.Rule);
        Assert.Equal("phone", problem.Field);
        Assert.Contains($"'{input}'", problem.Message, StringComparison.Ordinal);
        Assert.False(PhoneNumber.TryParse(input, out _));
    }

    [Theory]
    [InlineData("+380 98 936 \U0001F600 11 21")]
    [InlineData("+380 98 936 11 21 \U0001F468\u200D\U0001F469\u200D\U0001F467")]
    public void Parse_EmojiInTheNumber_QuotesTheWholeCharacterNeverHalfOfIt(string input)
    {
        var error = Assert.Throws<ViberValidationException>(() => PhoneNumber.Parse(input));

        var problem = Assert.Single(error.Errors);
        AssertWellFormed(problem.Message);
        AssertWellFormed(error.Message);
        Assert.Contains(input, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongInputCutInsideAnEmoji_CutsBeforeTheEmoji()
    {
        // The quote is cut at 40 characters; here the 40th is the first half of an emoji.
        var input = "+380 98 936 11 21, ask for Olena please" + "\U0001F600\U0001F600 and more text";

        var problem = Assert.Single(Assert.Throws<ViberValidationException>(() => PhoneNumber.Parse(input)).Errors);

        AssertWellFormed(problem.Message);
        Assert.Contains("please…'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+380\u0007989361121", "\\u0007")]
    [InlineData("+380\u202E989361121", "\\u202E")]
    [InlineData("+380\n989361121", "\\n")]
    [InlineData("+380\uFEFF989361121", "\\uFEFF")]
    [InlineData("+380", "\\uD800")] // a lone surrogate cannot be attribute data: appended below
    public void Parse_UnprintableCharacter_IsEscapedInTheMessage(string input, string escaped)
    {
        input = input.Length == 4 ? input + '\uD800' + "989361121" : input;

        var problem = Assert.Single(Assert.Throws<ViberValidationException>(() => PhoneNumber.Parse(input)).Errors);

        AssertWellFormed(problem.Message);
        Assert.Contains(escaped, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(input[4], problem.Message);
    }

    [Fact]
    public void Parse_Null_ThrowsRequired()
    {
        var error = Assert.Throws<ViberValidationException>(() => PhoneNumber.Parse(null!));
        Assert.Equal("Required", Assert.Single(error.Errors).Rule);
    }

    [Fact]
    public void Equality_ComparesDigits()
    {
        Assert.Equal(PhoneNumber.Parse("+380 98 936 11 21"), PhoneNumber.Parse("380989361121"));
        Assert.True(PhoneNumber.Parse("380989361121") == PhoneNumber.Parse("+380989361121"));
        Assert.NotEqual(PhoneNumber.Parse("380989361121"), PhoneNumber.Parse("380989361122"));
    }

    [Property(MaxTest = 500)]
    public Property Parse_NormalisingTwice_EqualsNormalisingOnce()
    {
        var chars = Gen.Elements("0123456789+ ()-.x٣".ToCharArray());
        var inputs = Gen.ArrayOf(chars).Select(a => new string(a)).ToArbitrary();
        return Prop.ForAll(inputs, input =>
        {
            if (!PhoneNumber.TryParse(input, out var once))
            {
                return true;
            }

            return PhoneNumber.TryParse(once.Digits, out var twice) && twice == once
                && PhoneNumber.TryParse(once.ToString(), out var thrice) && thrice == once;
        });
    }

    /// <summary>What a strict UTF-8 log writer needs: no lone surrogate, nothing unprintable.</summary>
    internal static void AssertWellFormed(string text)
    {
        _ = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(text);
        Assert.DoesNotContain(text, c => char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c != '\u200D');
    }
}
