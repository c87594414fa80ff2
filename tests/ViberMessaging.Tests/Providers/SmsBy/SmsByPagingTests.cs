using System.Net;
using ViberMessaging.SmsBy;
using ViberMessaging.Tests.Reliability;

namespace ViberMessaging.Tests.Providers.SmsBy;

public sealed class SmsByPagingTests
{
    [Fact]
    public async Task GetMailingsAsync_ServerIgnoresTheOffset_StopsInsteadOfLoopingForever()
    {
        await using var transport = StubbedTransport.Create();
        transport.Respond(HttpStatusCode.OK, """
            {"status":"OK","result":[
              {"message_id":8483,"message_type":"TEXT","message":"a","status":"SENT","d_create":"2024-02-01 10:10:35","cost":"0.04900 EUR"},
              {"message_id":8495,"message_type":"TEXT","message":"b","status":"SENT","d_create":"2024-02-02 09:30:00","cost":"0.04900 EUR"}]}
            """);
        var sut = transport.Get<ISmsByClient>(ViberProviders.SmsBy);

        var mailings = new List<long>();
        await foreach (var mailing in sut.GetMailingsAsync(pageSize: 2))
        {
            mailings.Add(mailing.MailingId);
            Assert.True(mailings.Count <= 10, "The enumeration did not stop.");
        }

        Assert.Equal([8483, 8495], mailings);
        Assert.Equal(2, transport.RequestCount);
    }
}
