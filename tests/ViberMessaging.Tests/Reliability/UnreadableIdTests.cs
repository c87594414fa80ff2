using System.Net;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// A send's answer that accepts the recipient with an id that is not of the provider's id shape: the message may be
/// billed, so the recipient is never reported accepted with a garbage id (a status query would refuse it later) nor
/// rejected (an invitation to resend). It fails with <see cref="ViberErrorCode.OutcomeUnknown"/>, the id as sent and
/// the answer's part about it kept.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class UnreadableIdTests
{
    /// <summary>Each provider's answers (<see cref="ProviderCase.UnreadableIdAnswers"/>).</summary>
    public static TheoryData<string, string, string> Answers
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var provider in ReliabilityProviders.All)
            {
                Assert.NotEmpty(provider.UnreadableIdAnswers());
                foreach (var (answer, rawId) in provider.UnreadableIdAnswers())
                {
                    data.Add(provider.Name, answer, rawId);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task SendAsync_AcceptedWithAnIdNotOfTheProvidersShape_IsOutcomeUnknownKeepingTheRawId(string name, string answer, string rawId)
    {
        await using var transport = StubbedTransport.Create(o => o.Resilience.MaxRetryAttempts = 0);
        transport.Respond(HttpStatusCode.OK, answer);
        var provider = ReliabilityProviders.Get(name);

        var error = await ErrorOfTheOnlyRecipientAsync(transport.Sender(name).SendAsync(provider.Message("Hello")));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Accepted), (error.ErrorCode, error.Outcome));
        Assert.Equal(rawId, error.ProviderMessageId);
        Assert.Contains(rawId, error.ResponseBody, StringComparison.Ordinal);
        Assert.Equal([provider.Recipient], error.Recipients);
        Assert.Equal(1, transport.RequestCount);
    }

    [Theory]
    [InlineData("""{"number":"380989361121","id":null}""", null)]
    [InlineData("""{"number":"380989361121","id":""}""", "")]
    [InlineData("""{"number":"380989361121","id":{"value":5769}}""", """{"value":5769}""")]
    [InlineData("""{"number":"380989361121"}""", null)]
    public async Task SendAsync_SmsClubListsTheRecipientWithoutAReadableId_IsOutcomeUnknownWithTheEntry(string entry, string? rawId)
    {
        await using var transport = StubbedTransport.Create(o => o.Resilience.MaxRetryAttempts = 0);
        transport.Respond(HttpStatusCode.OK, """{"successfulRequest":{"requestData":{"messages":[""" + entry + "]}}}");

        var error = await ErrorOfTheOnlyRecipientAsync(transport.Sender(ViberProviders.SmsClub).SendAsync(ReliabilityProviders.Get(ViberProviders.SmsClub).Message("Hello")));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Accepted), (error.ErrorCode, error.Outcome));
        Assert.Equal(rawId, error.ProviderMessageId);
        Assert.Equal(entry, error.ResponseBody);
    }

    [Theory]
    [InlineData("0989361121")]
    [InlineData("not a number")]
    public async Task SendAsync_SmsClubListsANumberMatchingNoRecipient_IsOutcomeUnknownNotRejected(string number)
    {
        await using var transport = StubbedTransport.Create(o => o.Resilience.MaxRetryAttempts = 0);
        var entry = $$"""{"number":"{{number}}","id":"5769"}""";
        transport.Respond(HttpStatusCode.OK, """{"successfulRequest":{"requestData":{"messages":[""" + entry + "]}}}");

        var error = await ErrorOfTheOnlyRecipientAsync(transport.Sender(ViberProviders.SmsClub).SendAsync(ReliabilityProviders.Get(ViberProviders.SmsClub).Message("Hello")));

        Assert.Equal((ViberErrorCode.OutcomeUnknown, SendOutcome.Unknown), (error.ErrorCode, error.Outcome));
        Assert.Equal(entry, error.ResponseBody);
    }

    /// <summary>The error of a one-recipient send: thrown when it failed as a whole, or on its only recipient.</summary>
    private static async Task<ViberMessagingException> ErrorOfTheOnlyRecipientAsync(Task<SendResult> send)
    {
        try
        {
            var result = await send.WaitAsync(TimeSpan.FromSeconds(30));
            var recipient = Assert.Single(result.Recipients);
            Assert.Equal(RecipientStatus.Failed, recipient.Status);
            Assert.Null(recipient.MessageId);
            return recipient.Error!;
        }
        catch (ViberMessagingException error)
        {
            return error;
        }
    }
}
