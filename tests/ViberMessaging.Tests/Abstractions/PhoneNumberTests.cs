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
}
