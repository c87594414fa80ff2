using ViberMessaging.SmsClub;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.FuzzOperations;

namespace ViberMessaging.Tests.Providers.SmsClub;

/// <summary>SmsClub's calls the fuzzer feeds hostile answers to, and their seeds: the documented response shapes, made valid.</summary>
internal static class SmsClubFuzzOperations
{
    public static readonly string[] ErrorsSeeds =
    [
        """{"errorRequest":{"errors":{"sender":["Sender name is incorrect"]}}}""",
        """{"errorRequest":{"errors":{"sender":["Sender name is incorrect"],"text":["Incorrect text."]}}}""",
        """{"errorRequest":{"errors":{"noMoney":["Not enough money. It is necessary to refill the balance"]}}}""",
        """{"errorRequest":{"errors":{"account":["Distribution of SMS-mailings from this account is not available"]}}}""",
        """{"errorRequest":{"errors":{"anyCorrectPhones":["No valid numbers found."]}}}""",
        """{"errorRequest":{"errors":{"systemError":["Sorry, a system error has occurred, please contact support."]}}}""",
        """{"errorRequest":{"errors":{"upload_img":["Failed to load image."]}}}""",
        """{"errorRequest":{"errors":{"SMS":["Fields: \"Alpha-name (SMS)\" and \"Message text (SMS)\" should be filled together or not filled at all"]}}}""",
        """{"errorRequest":{"errors":{"text":"Distributions can be scheduled from 8:00 to 20:00"}}}""",
        """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""",
        """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""",
    ];

    public static readonly string[] SendSeeds =
    [
        """{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769"},{"number":"380989361126","id":"5770"},{"number":"380989361123","id":"5771"}],"additionalInfo":{"incorrectPhones":["3809"],"blackList":["380999036122"]}}}}""",
        """{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769","chat_id":"2766"}],"additionalInfo":[]}}}""",
        """{"successfulRequest":{"requestData":{"messages":[{"number":380989361121,"id":9007199254740993,"chat_id":2766}],"additionalInfo":{"incorrectPhones":[3809],"blackList":[380999036122]}}}}""",
        """{"successfulRequest":{"requestData":{"messages":{"0":{"number":"380989361121","id":"5769"}},"additionalInfo":[{"incorrectPhones":[]}]}}}""",
        """{"successfulRequest":{"requestData":{"messages":[],"additionalInfo":{"incorrectPhones":["380989361121"]}}}}""",
        """{"successfulRequest":{"requestData":{"messages":[{"number":"380989361121","id":"5769"}]}}}""",
        """{"successfulRequest":{}}""",
    ];

    public static readonly string[] StatusSeeds =
    [
        """{"successfulRequest":{"requestData":{"5769":{"status":"Delivered","additionStatus":"Read","smsStatus":null},"5770":{"status":"Undeliverable","additionStatus":"Not registered","smsStatus":"Delivered"},"5771":{"status":"Pending"}}}}""",
        """{"successfulRequest":{"requestData":{"5769":{"status":"Доставлено","additionalStatus":"Прочитано"},"5770":{"status":"UNDELIV","additionStatus":"Blocked by the recipient"}}}}""",
        """{"successfulRequest":{"requestData":[]}}""",
    ];

    public static readonly string[] ChatsSeeds =
    [
        """{"successfulRequest":{"requestData":{"chats":[{"chat_id":"51","recipient":"380777777777","source_address":"test","creation_date":"2020-05-28 11:43:29"},{"chat_id":52,"recipient":380999999999,"creation_date":"2021-01-10 09:00:00"}]}}}""",
        """{"successfulRequest":{"requestData":{"chat":{"recipient":380999999999,"source_address":"test","creation_date":"2021-09-15 17:17:43","messages":[{"id":"1","text":"Hello","date":"2021-09-15 17:17:43","type":"outcoming"},{"text":"Hi","date":"2021-09-15 17:18:00","type":"incoming"}]}}}}""",
    ];

    public static readonly string[] AccountSeeds =
    [
        """{"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}""",
        """{"successfulRequest":{"requestData":{"money":"0.0001","currency":"UAH"}}}""",
        """["MyShop","SMS Club"]""",
        """{"successfulRequest":{"requestData":["MyShop","SMS Club"]}}""",
        """{"successfulRequest":{"requestData":{"12":"MyShop","13":"SMS Club"}}}""",
        """{"successfulRequest":{"requestData":[{"id":12,"name":"MyShop"},{"id":"13","originator":"SMS Club"}]}}""",
        """{"successfulRequest":{"requestData":{"originators":["MyShop","SMS Club"]}}}""",
    ];

    public static IEnumerable<FuzzOperation> For()
    {
        const string P = ViberProviders.SmsClub;
        string[] send = [.. SendSeeds, .. ErrorsSeeds];
        yield return new(P, "send one", send, (t, _) => Send(t, P, UkrainianPhones[..1]));
        yield return new(P, "send three", send, (t, _) => Send(t, P, UkrainianPhones));
        yield return new(P, "reply in chat", send, (t, _) => t.Get<IViberChats>(P).ReplyAsync("2766", "Thanks"));
        yield return new(P, "status", [.. StatusSeeds, .. ErrorsSeeds], (t, _) => Status(t, P, "5769", "5770", "5771", "5769"));
        yield return new(P, "chats", [.. ChatsSeeds, .. ErrorsSeeds], (t, _) => Take(t.Get<IViberChats>(P).GetChatsAsync(), 100));
        yield return new(P, "chat messages", [.. ChatsSeeds, .. ErrorsSeeds], (t, _) => Take(t.Get<IViberChats>(P).GetMessagesAsync("2766"), 100));
        yield return new(P, "balance", [.. AccountSeeds, .. ErrorsSeeds], (t, _) => t.Get<IBalanceQuery>(P).GetBalanceAsync());
        yield return new(P, "sender names", [.. AccountSeeds, .. ErrorsSeeds], (t, _) => t.Get<ISmsClubAccount>(P).GetSenderNamesAsync());
    }
}
