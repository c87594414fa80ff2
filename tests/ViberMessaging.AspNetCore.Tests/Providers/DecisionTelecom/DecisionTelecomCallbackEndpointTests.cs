using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.AspNetCore.Tests.Providers.DecisionTelecom;

/// <summary>The DecisionTelecom callback endpoint on TestServer: every answer it documents, and what reaches the tracker.</summary>
public sealed class DecisionTelecomCallbackEndpointTests
{
    private const string Delivered = """{"message_id":429,"status":1}""";
    private const string Sent = """{"message_id":429,"status":0}""";
    private static readonly MessageId Id = new("DecisionTelecom", "429");

    [Fact]
    public async Task Post_StatusCallback_Answers200AndTheTrackerKnowsIt()
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);

        using var response = await PostAsync(app, Delivered);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var report = await app.Tracker.GetAsync(Id);
        Assert.Equal((DeliveryStatus.Delivered, "1"), (report?.Status, report?.RawStatus));
    }

    [Fact]
    public async Task Post_RepeatedAndLateCallbacks_AreAnsweredButChangeNothing()
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var changes = app.Tracker.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = changes.MoveNextAsync();

        using var first = await PostAsync(app, Sent);
        using var delivered = await PostAsync(app, Delivered);
        using var repeat = await PostAsync(app, Delivered);
        using var late = await PostAsync(app, Sent);

        Assert.All(new[] { first, delivered, repeat, late }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(await next);
        Assert.Equal(DeliveryStatus.Sent, changes.Current.Status);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(DeliveryStatus.Delivered, changes.Current.Status);
        Assert.Equal(DeliveryStatus.Delivered, (await app.Tracker.GetAsync(Id))?.Status);
        var pending = changes.MoveNextAsync();
        await PostAsync(app, """{"message_id":430,"status":1}""");
        Assert.True(await pending);
        Assert.Equal(new MessageId("DecisionTelecom", "430"), changes.Current.MessageId); // nothing about 429 came in between
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task Post_CallbackBeforeSendReturns_IsKeptForTheTrackedMessage()
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);

        using var response = await PostAsync(app, Delivered);
        app.Tracker.Track(new SendResult("DecisionTelecom", [new RecipientResult { Recipient = PhoneNumber.Parse("380504444444"), Status = RecipientStatus.Accepted, MessageId = Id }]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, (await app.Tracker.GetAsync(Id))?.Status);
    }

    [Theory]
    [InlineData("{\"message_id\":\"abc\",\"status\":1}")]
    [InlineData("not json")]
    [InlineData("{\"status\":1}")]
    public async Task Post_MalformedBody_Answers400AndLogsIt(string body)
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);

        using var response = await PostAsync(app, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Message.Contains("malformed body answered 400", StringComparison.Ordinal));
        Assert.Null(await app.Tracker.GetAsync(Id));
    }

    [Fact]
    public async Task Post_BodyOverMaxBodyBytes_Answers413()
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);
        var huge = "{\"message_id\":429,\"status\":1,\"pad\":\"" + new string('x', 5000) + "\"}";

        using var response = await PostAsync(app, huge);
        using var chunked = await PostAsync(app, huge, chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Null(await app.Tracker.GetAsync(Id));
    }

    [Fact]
    public async Task Post_NotJson_Answers415()
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);

        using var response = await PostAsync(app, Delivered, contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(await app.Tracker.GetAsync(Id));
    }

    [Theory]
    [InlineData("/viber/DecisionTelecom/0123456789abcdef0123456789abcdef")]
    [InlineData("/viber/DecisionTelecom")]
    [InlineData("/viber/Unknown/0123456789abcdef0123456789abcdef")]
    [InlineData("/viber/anything/else/here")]
    public async Task Post_WrongSecretOrPath_Answers404AndChangesNothing(string path)
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);

        using var response = await PostAsync(app, Delivered, path: path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.Tracker.GetAsync(Id));
    }

    [Fact]
    public async Task Get_TheRightPath_Answers404()
    {
        await using var app = await CallbackApp.StartAsync(AddAccount);

        using var response = await app.App.GetTestClient().GetAsync(app.Paths.PathFor("DecisionTelecom"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_Reply_ReachesTheReplyHandler()
    {
        var handler = new CollectingReplyHandler();
        await using var app = await CallbackApp.StartAsync(AddAccount, services: s => s.AddSingleton<IViberReplyHandler>(handler));

        using var response = await PostAsync(app, """{"message_token":4444444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"Yes please","tracking_data":"tracking_id:429"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await handler.First.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("Yes please", Id), (reply.Text, reply.InReplyTo));
    }

    /// <summary>The account every test posts to: DecisionTelecom's callbacks name their message, one URL per account.</summary>
    internal static void AddAccount(IViberMessagingBuilder builder) => builder.AddDecisionTelecom(o => o.ApiKey = "a-key");

    private static async Task<HttpResponseMessage> PostAsync(CallbackApp app, string body, string? path = null, string contentType = "application/json", bool chunked = false)
    {
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using (content)
        {
            return await app.App.GetTestClient().PostAsync(path ?? app.Paths.PathFor("DecisionTelecom"), content);
        }
    }

    private sealed class CollectingReplyHandler : IViberReplyHandler
    {
        public TaskCompletionSource<ChatMessage> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask OnReplyAsync(ChatMessage reply, CancellationToken cancellationToken)
        {
            First.TrySetResult(reply);
            return ValueTask.CompletedTask;
        }
    }
}
