using ViberMessaging.DecisionTelecom;
using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.FuzzOperations;

namespace ViberMessaging.Tests.Providers.DecisionTelecom;

/// <summary>DecisionTelecom's calls the fuzzer feeds hostile answers to, and their seeds: the documented response shapes, made valid.</summary>
internal static class DecisionTelecomFuzzOperations
{
    public static readonly string[] SendSeeds =
    [
        """{"message_id":429}""",
        """{"message_id":"9223372036854775807"}""",
        """{"name":"Invalid Parameter: source_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}""",
        """{"name":"Invalid Parameter: destination_addr","message":"Empty parameter or parameter validation error","code":1,"status":400}""",
        """{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429}""",
        """{"name":"Internal server error","message":"The server encountered an unexpected condition which prevented it from fulfilling the request","code":2,"status":500}""",
        """{"name":"Topup balance is required","message":"User balance is empty","code":3,"status":402}""",
        """{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401}""",
        """{}""",
    ];

    public static readonly string[] StatusSeeds =
    [
        """{"message_id":429,"status":1}""",
        """{"message_id":429,"status":1,"sms_message_id":3098,"sms_message_status":6}""",
        """{"message_id":"9007199254740993","status":"4","sms_message_id":"3098","sms_message_status":2}""",
        """{"name":"Invalid Parameter: message_id","message":"Empty parameter or parameter validation error","code":1,"status":400}""",
    ];

    public static readonly string[] CallbacksSeeds =
    [
        """{"message_token":44444444444444,"phone_number":"972512222222","time":2121212121,"message":{"text":"Yes","tracking_data":"tracking_id:100035"}}""",
        """{"message_id":429,"status":1,"sms_message_id":3098,"sms_message_status":6}""",
    ];

    public static IEnumerable<FuzzOperation> For()
    {
        const string P = ViberProviders.DecisionTelecom;
        yield return new(P, "send one", SendSeeds, (t, _) => Send(t, P, UkrainianPhones[..1]));
        yield return new(P, "send two", SendSeeds, (t, _) => Send(t, P, UkrainianPhones[..2]));
        yield return new(P, "status", [.. StatusSeeds, .. SendSeeds], (t, _) => Status(t, P, "429", "9223372036854775807"));
        yield return new(P, "callback", [.. CallbacksSeeds, .. StatusSeeds], (_, body) =>
        {
            if (DecisionTelecomCallbacks.IsReply(body))
            {
                DecisionTelecomCallbacks.ParseReply(body);
            }
            else
            {
                DecisionTelecomCallbacks.ParseStatus(body);
            }

            return Task.CompletedTask;
        });
        yield return new(P, "reply callback", CallbacksSeeds, (_, body) =>
        {
            DecisionTelecomCallbacks.ParseReply(body);
            return Task.CompletedTask;
        });
        yield return new(P, "status callback", CallbacksSeeds, (_, body) =>
        {
            DecisionTelecomCallbacks.ParseStatus(body);
            return Task.CompletedTask;
        });
    }
}
