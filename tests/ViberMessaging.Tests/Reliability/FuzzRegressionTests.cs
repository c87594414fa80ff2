using System.Net;
using System.Text;

namespace ViberMessaging.Tests.Reliability;

/// <summary>Answers the fuzzer found to escape as something other than the SDK's own exceptions, pinned after the fix.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<int, string> NotUtf8 => new()
    {
        // SmsByErrorMapper.Inspect read names and values with Utf8JsonReader.GetString, which throws InvalidOperationException on invalid UTF-8.
        { 200, """{"sta?us":"OK","result":{"message_id":8484}}""" },
        { 200, """{"error":"Access de?ied"}""" },
        { 403, """{"status":"O?","result":{"message_id":8484}}""" },
        { 502, """{"error":"vibername_id is requi?ed"}""" },
    };

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public async Task SmsBySend_AnswerWithBytesThatAreNotUtf8_ReturnsOrFailsWithTheSdksOwnException(int status, string template)
    {
        await using var transport = StubbedTransport.Create(o => o.Resilience.MaxRetryAttempts = 0);
        var body = Encoding.UTF8.GetBytes(template);
        body[Array.IndexOf(body, (byte)'?')] = 0xFF;
        transport.Respond(_ => new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) });
        var provider = ReliabilityProviders.Get(ViberProviders.SmsBy);

        var error = await Record.ExceptionAsync(() => transport.Sender(provider.Name).SendAsync(provider.Message("Hello")));

        if (error is not null)
        {
            Assert.Equal(provider.Name, Assert.IsAssignableFrom<ViberMessagingException>(error).ProviderName);
        }
    }
}
