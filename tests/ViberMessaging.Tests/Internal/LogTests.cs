using System.Net;
using Microsoft.Extensions.Logging.Testing;
using ViberMessaging.Internal;

namespace ViberMessaging.Tests.Internal;

public sealed class LogTests
{
    [Fact]
    public void OperationFailed_NoResponseAndNoProviderCode_SaysSoInsteadOfNull()
    {
        using var logs = new FakeLoggerProvider();

        Log.OperationFailed(logs.CreateLogger("test"), "SmsClub", "send", ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown, statusCode: null, providerCode: null);

        var line = Assert.Single(logs.Collector.GetSnapshot()).Message;
        Assert.Equal("SmsClub send: failed with OutcomeUnknown (Unknown), no HTTP response, provider code none", line);
    }

    [Fact]
    public void OperationFailed_WithResponse_NamesTheStatusAndCode()
    {
        using var logs = new FakeLoggerProvider();

        Log.OperationFailed(logs.CreateLogger("test"), "SmsClub", "send", ViberErrorCode.InsufficientFunds, SendOutcome.NotSent, HttpStatusCode.PaymentRequired, "noMoney");

        Assert.Equal("SmsClub send: failed with InsufficientFunds (NotSent), HTTP 402, provider code noMoney", Assert.Single(logs.Collector.GetSnapshot()).Message);
    }
}
