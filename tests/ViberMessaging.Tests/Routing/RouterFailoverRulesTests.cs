using ViberMessaging.Routing;

namespace ViberMessaging.Tests.Routing;

/// <summary>Every row of "may this recipient go to another provider?": only NotSent, and only for the provider's own reasons.</summary>
public sealed class RouterFailoverRulesTests
{
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("+380501234567");

    [Theory]
    [InlineData(ViberErrorCode.Network, SendOutcome.NotSent, true)]
    [InlineData(ViberErrorCode.Unauthorized, SendOutcome.NotSent, true)]
    [InlineData(ViberErrorCode.AccountBlocked, SendOutcome.NotSent, true)]
    [InlineData(ViberErrorCode.InsufficientFunds, SendOutcome.NotSent, true)]
    [InlineData(ViberErrorCode.CircuitOpen, SendOutcome.NotSent, true)]
    [InlineData(ViberErrorCode.RateLimited, SendOutcome.NotSent, true)]
    [InlineData(ViberErrorCode.InvalidSender, SendOutcome.NotSent, true)]
    [InlineData(ViberErrorCode.InvalidRecipients, SendOutcome.NotSent, false)]
    [InlineData(ViberErrorCode.Cancelled, SendOutcome.NotSent, false)]
    [InlineData(ViberErrorCode.Cancelled, SendOutcome.Unknown, false)]
    [InlineData(ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown, false)]
    [InlineData(ViberErrorCode.MalformedResponse, SendOutcome.Accepted, false)]
    [InlineData(ViberErrorCode.ProviderUnavailable, SendOutcome.Unknown, false)]
    public void MayFailOver_FailedRecipient_OnlyWhenNotSentForTheProvidersOwnReason(ViberErrorCode code, SendOutcome outcome, bool expected)
    {
        var result = new RecipientResult { Recipient = Phone, Status = RecipientStatus.Failed, Error = new ViberMessagingException(code, "x") { Outcome = outcome } };

        Assert.Equal(expected, RouterFailoverRules.MayFailOver(result));
    }

    [Theory]
    [InlineData(RecipientStatus.Accepted)]
    [InlineData(RecipientStatus.Rejected)]
    public void MayFailOver_AcceptedOrRejectedRecipient_Never(RecipientStatus status)
    {
        var result = new RecipientResult { Recipient = Phone, Status = status, Reason = DeliveryFailureReason.InvalidNumber };

        Assert.False(RouterFailoverRules.MayFailOver(result));
    }
}
