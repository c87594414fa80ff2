using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Phone input that is not a number is rejected before anything is sent — by <see cref="PhoneNumber.Parse"/>, the only
/// way into a <see cref="ViberMessage"/>, and where a phone arrives as text inside a call (SMS.by chat ids) — and
/// normalising is idempotent for any input.
/// </summary>
public sealed class PhoneNumberInputTests(PhoneNumberInputTests.Fixture fixture) : IClassFixture<PhoneNumberInputTests.Fixture>
{
    public static TheoryData<string, string> Invalid => new()
    {
        { "", "Required" },
        { " \t ", "Required" },
        { "call me maybe", "Format" },
        { "38098936112x", "Format" },
        { "+380 98 936 11 2l", "Format" },
        { "٣٨٠٩٨٩٣٦١١٢١", "AsciiDigits" }, // Arabic-Indic digits
        { "３８０９８９３６１１２１", "AsciiDigits" }, // fullwidth digits
        { "३८०९८९३६११२१", "AsciiDigits" }, // Devanagari digits
        { "+", "Format" },
        { "++380989361121", "Format" },
        { "380+989361121", "Format" },
        { "+380\u0000989361121", "Format" },
        { "+380📞989361121", "Format" },
        { "123456", "MinDigits" },
        { "+1 234 56", "MinDigits" },
        { "00123456", "CountryCode" }, // too short for "00" to be the international prefix, so a leading zero
        { "1234567890123456", "MaxDigits" },
        { "+380 98 936 11 21 00 00", "MaxDigits" },
        { "0989361121", "CountryCode" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidInput_IsRejectedNamingTheInputAndTheRule(string input, string rule)
    {
        var error = Assert.Throws<ViberValidationException>(() => PhoneNumber.Parse(input));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(rule, problem.Rule);
        Assert.False(PhoneNumber.TryParse(input, out _));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task SmsByChat_InvalidPhoneInTheChatId_IsRejectedBeforeAnyRequest(string input, string rule)
    {
        _ = rule;
        var chats = fixture.Harness.Chats(ViberProviders.SmsBy);
        var before = fixture.Harness.Emulator.Requests.Count;

        var reply = await Assert.ThrowsAsync<ViberValidationException>(() => chats.ReplyAsync("8484:" + input, "Hello"));
        var read = Assert.Throws<ViberValidationException>(() => chats.GetMessagesAsync("8484:" + input));

        Assert.Contains(reply.Errors, e => e.Field == "TwoWay.ChatId" && e.Rule == "Format");
        Assert.Contains(read.Errors, e => e.Rule == "Format");
        Assert.Equal(before, fixture.Harness.Emulator.Requests.Count);
    }

    /// <summary>What people type: an optional '+' or '00', a country code, digit groups with separators.</summary>
    private static Arbitrary<string> Typed()
    {
        var separator = Gen.Elements("", " ", "-", ".", "\u00A0", " (", ") ");
        var group = Gen.Choose(1, 4).SelectMany(length => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), length).Select(d => new string(d)));
        return Gen.Elements("+", "00", "", " +")
            .SelectMany(prefix => Gen.Choose(1, 9).Select(first => prefix + first))
            .SelectMany(start => Gen.ArrayOf(separator.SelectMany(s => group.Select(g => s + g))).Select(parts => start + string.Concat(parts)))
            .Where(text => text.Count(char.IsAsciiDigit) - (text.TrimStart().StartsWith("00", StringComparison.Ordinal) ? 2 : 0) is >= PhoneNumber.MinDigits and <= PhoneNumber.MaxDigits)
            .ToArbitrary();
    }

    /// <summary>Anything: digits, separators, '+', letters, non-ASCII digits, control characters, emoji.</summary>
    private static Arbitrary<string> Anything()
        => Gen.ArrayOf(Gen.Elements("0", "1", "3", "8", "9", "00", "+", " ", "-", ".", "(", ")", "\u00A0", "a", "٣", "３", "\u0000", "📞", "\t"))
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Parse_AnyTypedNumber_ParsesAndNormalisingTwiceEqualsOnce()
        => Prop.ForAll(Typed(), input =>
        {
            var once = PhoneNumber.Parse(input);
            var twice = PhoneNumber.Parse(once.Digits);
            return twice == once && PhoneNumber.Parse(once.ToString()) == once
                && once.Digits.All(char.IsAsciiDigit) && once.Digits[0] != '0';
        });

    [Property(MaxTest = 2000)]
    public Property Parse_AnyInput_IsRejectedOrNormalisesIdempotently()
        => Prop.ForAll(Anything(), input =>
            !PhoneNumber.TryParse(input, out var once)
            || (PhoneNumber.TryParse(once.Digits, out var twice) && twice == once && once.Digits.Length is >= PhoneNumber.MinDigits and <= PhoneNumber.MaxDigits));

    public sealed class Fixture : IAsyncLifetime
    {
        public EmulatorHarness Harness { get; private set; } = null!;

        public async Task InitializeAsync()
            => Harness = await EmulatorHarness.StartAsync(b => ReliabilityProviders.Get(ViberProviders.SmsBy).AddTo(b, _ => { }));

        public async Task DisposeAsync() => await Harness.DisposeAsync();
    }
}
