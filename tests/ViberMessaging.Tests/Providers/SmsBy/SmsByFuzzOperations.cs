using ViberMessaging.SmsBy;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.FuzzOperations;

namespace ViberMessaging.Tests.Providers.SmsBy;

/// <summary>SmsBy's calls the fuzzer feeds hostile answers to, and their seeds: the documented response shapes, made valid.</summary>
internal static class SmsByFuzzOperations
{
    public static readonly string[] ErrorsSeeds =
    [
        """{"error":"not found"}""",
        """{"error":"Access denied"}""",
        """{"error":"vibername_id is required"}""",
        """{"status":"ERROR","message":"Vibername not found"}""",
        """{"success":false,"error":["a","b"]}""",
        "false",
        "null",
    ];

    public static readonly string[] SendSeeds =
    [
        """{"status":"OK","result":{"message_id":8484}}""",
        """{"status":"ok","result":{"message_id":"9007199254740993"}}""",
        """{"status":"OK","result":{"viber_id":77}}""",
        """{"uuid":"cc9c8043-8caf-11ef-b035-9e8f47954dec","success":"OK"}""",
        """{"uuid":null,"success":"error"}""",
    ];

    public static readonly string[] ReadsSeeds =
    [
        """{"status":"OK","result":{"phone":"375293332211","status":"READ","error_code":0}}""",
        """{"status":"OK","result":{"phone":375293332211,"status":"undelivered","error_code":"17"}}""",
        """[{"message_id":1,"name":"mailing list 1","alphaname_id":123,"success":[{"delivery_id":1001,"phone":"375291111111","status":"NEW","status_time":"2024-10-16 22:52:42.497994"}]},{"errors":["mailing list 3: Content url is not valid"]}]""",
        """{"status":"OK","result":[{"delivery_id":100,"phone":"375293332211","status":"DELIVERED","error_code":0},{"delivery_id":101,"phone":375293332212,"status":"READ","error_code":0}]}""",
        """{"status":"OK","result":{"message_id":8483,"message_type":"TEXT","message":"Test message","button_caption":"","button_link":"","image_file":"","status":"SENT","d_create":"2024-02-01 10:10:35","d_schedule":"2024-02-01 10:10:35","cost":"0.04900 EUR"}}""",
        """{"status":"OK","result":[{"message_id":8483,"message_type":"TEXT","message":"Test message","status":"SENT","d_create":"2024-02-01 10:10:35","cost":"0.04900 EUR"},{"message_id":"8495","message_type":"BUTTON","button_caption":"Go","button_link":"https:\/\/site.by","d_schedule":"2024-02-03 10:00:00","cost":"0,049 EUR"}]}""",
        """{"status":"OK","result":[{"id":"1234","phone":"375293332211","message":"Reply","d_receiver":"2022-09-01 10:39:45"},{"id":"1236","phone":"375293332212","message":"Yes","d_receiver":"2022-09-01 11:29:50"}]}""",
        """{"status":"OK","result":{"0":{"id":"1","phone":"375293332211","message":"a"},"2":{"id":"3","phone":"375293332211","message":"b"}}}""",
        """{"status":"OK","result":{"message_id":4905,"count_subscribers":4}}""",
        """{"status":"OK","result":"Number of flagged messages: 3"}""",
        """{"status":"OK"}""",
        """{"status":"OK","result":false}""",
    ];

    public static IEnumerable<FuzzOperation> For()
    {
        const string P = ViberProviders.SmsBy;
        string[] send = [.. SendSeeds, .. ErrorsSeeds];
        string[] reads = [.. ReadsSeeds, .. ErrorsSeeds];
        yield return new(P, "send quick", send, (t, _) => Send(t, P, BelarusianPhones[..1]));
        yield return new(P, "send bulk", send, (t, _) => Send(t, P, BelarusianPhones));
        yield return new(P, "send quick with forwarding", send, (t, _) => Send(t, P, BelarusianPhones, fallback: true));
        yield return new(P, "status of every id kind", reads, (t, _) => Status(
            t, P, "quick:8484", "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375291111111", "mailing:4905:375293332211", "bulk:cc9c8043-8caf-11ef-b035-9e8f47954dec:375292222222"));
        yield return new(P, "chats", reads, (t, _) => Take(t.Get<IViberChats>(P).GetChatsAsync(), 20));
        yield return new(P, "chat messages", reads, (t, _) => Take(t.Get<IViberChats>(P).GetMessagesAsync("8484:375293332211"), 100));
        yield return new(P, "mailings", reads, (t, _) => Take(t.Get<ISmsByClient>(P).GetMailingsAsync(50), 120));
        yield return new(P, "mailing", reads, (t, _) => t.Get<ISmsByClient>(P).GetMailingAsync(8483));
        yield return new(P, "deliveries", reads, (t, _) => t.Get<ISmsByClient>(P).GetMailingDeliveriesAsync(4905));
        yield return new(P, "incoming", reads, (t, _) => t.Get<ISmsByClient>(P).GetNewIncomingMessagesAsync(8484));
        yield return new(P, "mark read", reads, (t, _) => t.Get<ISmsByClient>(P).MarkIncomingMessagesReadAsync(["1234", "1236"]));
        yield return new(P, "bulk status", reads, (t, _) => t.Get<ISmsByClient>(P).GetBulkStatusAsync("cc9c8043-8caf-11ef-b035-9e8f47954dec"));
        yield return new(P, "prepare list mailing", reads, (t, _) => t.Get<ISmsByClient>(P).PrepareListMailingAsync(new SmsByListMailing { ListId = 1, Sender = "MyShop", Text = "Hello" }));
        yield return new(P, "confirm mailing", reads, (t, _) => t.Get<ISmsByClient>(P).ConfirmMailingAsync(4905));
        yield return new(P, "send mailings", send, async (t, _) =>
        {
            var result = await t.Get<ISmsByClient>(P).SendMailingsAsync(
            [
                new SmsByBulkMailing { Name = "list 1", Sender = "MyShop", Text = "Hello", Recipients = BelarusianPhones },
                new SmsByPersonalMailing { Name = "list 2", Sender = "MyShop", Messages = [new SmsByPersonalMessage(UkrainianPhones[0], "Hi")] },
            ]);
            Assert.Equal([.. BelarusianPhones, UkrainianPhones[0]], result.Recipients.Select(r => r.Recipient));
        });
        yield return new(P, "send with image file", send, (t, _) => t.Get<ISmsByClient>(P).SendWithImageFileAsync(
            new ViberMessage { Sender = "MyShop", Recipients = BelarusianPhones[..1] }, new SmsByImageFile("promo.jpg", new byte[] { 0xFF, 0xD8, 0xFF })));
    }
}
