using System.Net;

namespace ViberMessaging.Tests.Errors;

public sealed class ViberMessagingExceptionTests
{
    [Fact]
    public void Message_CarriesProviderStatusCodesAndOutcome()
    {
        var sut = new ViberMessagingException(ViberErrorCode.InsufficientFunds, "Not enough money on the account.")
        {
            ProviderName = "SmsClub",
            StatusCode = (HttpStatusCode)464,
            ProviderErrorCode = "noMoney",
            ProviderMessage = "Not enough money. It is necessary to refill the balance",
        };

        Assert.Equal(
            "[SmsClub] InsufficientFunds: Not enough money on the account. (HTTP 464; provider code 'noMoney'; provider message 'Not enough money. It is necessary to refill the balance'; outcome NotSent)",
            sut.Message);
        Assert.False(sut.IsTransient);
    }

    [Fact]
    public void Message_ProviderTextWithLoneSurrogateOrControlCharacters_IsEscaped()
    {
        // A provider echoing input back: JSON's "\ud83d" decodes to half an emoji, which a strict UTF-8 writer refuses.
        var sut = new ViberMessagingException(ViberErrorCode.InvalidRequest, "Refused.")
        {
            ProviderErrorCode = "bad\u0000code",
            ProviderMessage = "sender '\uD83D' \u001B[31mred",
        };

        Abstractions.PhoneNumberTests.AssertWellFormed(sut.Message);
        Assert.Contains("sender '\\uD83D' \\u001B[31mred", sut.Message, StringComparison.Ordinal);
        Assert.Contains("bad\\u0000code", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationError_MessageWithUnprintableCharacters_IsEscaped()
    {
        var sut = new ValidationError("Sender", "UnknownSender", "Sender 'My\u0000Shop\uDE00' \U0001F600 is unknown.");

        Abstractions.PhoneNumberTests.AssertWellFormed(sut.Message);
        Assert.Equal("Sender 'My\\u0000Shop\\uDE00' \U0001F600 is unknown.", sut.Message);
        Abstractions.PhoneNumberTests.AssertWellFormed(new ViberValidationException([sut]).Message);
    }

    [Fact]
    public void RateLimited_IsTransientAndShowsRetryAfter()
    {
        var sut = new ViberMessagingException(ViberErrorCode.RateLimited, "Slow down.") { RetryAfter = TimeSpan.FromSeconds(2.5) };

        Assert.True(sut.IsTransient);
        Assert.Contains("retry after 2.5 s", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationException_ListsEveryProblemAndIsNotSent()
    {
        var sut = new ViberValidationException([
            new ValidationError("Text", "Required", "Text is required."),
            new ValidationError("Button.Caption", "MaxLength", "Button.Caption may have at most 30 characters; it has 31."),
        ]);

        Assert.Equal(ViberErrorCode.ValidationFailed, sut.ErrorCode);
        Assert.Equal(SendOutcome.NotSent, sut.Outcome);
        Assert.Equal(2, sut.Errors.Count);
        Assert.Contains("Text: Text is required. (Required)", sut.Message, StringComparison.Ordinal);
        Assert.Contains("Button.Caption", sut.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ViberMessagingException>(sut);
    }

    [Fact]
    public void ValidationException_NoErrors_Throws()
        => Assert.Throws<ArgumentException>(() => new ViberValidationException([]));
}
