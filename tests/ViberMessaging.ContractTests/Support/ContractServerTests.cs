using System.Net;
using System.Text;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using Xunit.Sdk;

namespace ViberMessaging.ContractTests.Support;

/// <summary>The contract checks themselves: a body that differs from the document's in any way matches no mapping and fails the test.</summary>
public sealed class ContractServerTests
{
    [Theory]
    [InlineData("""{"resendSms":true,"messages":[1]}""", true)]
    [InlineData("""{ "messages" : [1], "resendSms" : true }""", true)]
    [InlineData("""{"resendSms":true,"messages":[1],"extra":null}""", false)]
    [InlineData("""{"resendSms":true}""", false)]
    [InlineData("""{"resendSms":"true","messages":[1]}""", false)]
    [InlineData("""{"resendSms":true,"messages":["1"]}""", false)]
    [InlineData("""{"resendSms":true,"messages":[1,2]}""", false)]
    [InlineData("""{"ResendSms":true,"messages":[1]}""", false)]
    public async Task RunAsync_JsonBody_MatchesOnlyTheExactDocument(string sent, bool matches)
    {
        await using var server = new ContractServer();
        server.Expect(
            Request.Create().WithPath("/send").UsingPost().WithBody(new JsonMatcher("""{ "resendSms" : true, "messages" : [1] }""")),
            ContractServer.Json(200, "{}"));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var call = () => server.RunAsync(() => client.PostAsync(new Uri("send", UriKind.Relative), new StringContent(sent, Encoding.UTF8, "application/json")));

        if (matches)
        {
            using var response = await call();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            var failure = await Assert.ThrowsAsync<XunitException>(call);
            Assert.Contains(sent, failure.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("token=t&phone=375291111111", true)]
    [InlineData("phone=375291111111&token=t", true)]
    [InlineData("token=t&phone=375291111111&message=x", false)]
    [InlineData("token=t", false)]
    [InlineData("token=t&phone=375291111112", false)]
    [InlineData("token=t&phone=375291111111&phone=375291111111", false)]
    public async Task RunAsync_FormBody_MatchesOnlyTheExactFields(string sent, bool matches)
    {
        await using var server = new ContractServer();
        server.Expect(
            Request.Create().WithPath("/form").UsingPost().WithBody(FormBody.Exactly(("token", "t"), ("phone", "375291111111"))),
            ContractServer.Json(200, "{}"));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var call = () => server.RunAsync(() => client.PostAsync(new Uri("form", UriKind.Relative), new StringContent(sent, Encoding.UTF8, "application/x-www-form-urlencoded")));

        if (matches)
        {
            using var response = await call();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            await Assert.ThrowsAsync<XunitException>(call);
        }
    }

    [Fact]
    public async Task MultipartBody_Parse_ReadsFieldsAndFilesInOrder()
    {
        using var content = new MultipartFormDataContent("test-boundary");
        content.Add(new StringContent("t"), "token");
        content.Add(new StringContent("Привет"), "message");
        content.Add(new ByteArrayContent([1, 2, 3]), "image", "a.jpg");

        var parts = MultipartBody.Parse(await content.ReadAsByteArrayAsync());

        Assert.Equal([("token", null, "t"), ("message", null, "Привет"), ("image", "a.jpg", "AQID")], parts);
    }
}
