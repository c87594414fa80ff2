using ViberMessaging.Tests.Reliability;
using static ViberMessaging.Tests.Reliability.FuzzOperations;

namespace ViberMessaging.Tests.Providers.Devino;

/// <summary>Devino's calls the fuzzer feeds hostile answers to, and their seeds: the documented response shapes, made valid.</summary>
internal static class DevinoFuzzOperations
{
    public static readonly string[] SendSeeds =
    [
        """{"status":"ok","messages":[{"providerId":3158611117333282816,"code":"ok"},{"code":"error-subject-unknown"},{"providerId":"3158611117333282818","code":"ok"}]}""",
        """{"status":"error-auth","messages":[]}""",
        """{"status":"error-system","messages":[]}""",
        """{"status":"ok"}""",
        """{"timestamp":1565859580000,"status":401,"error":"Unauthorized","message":"Bad credentials","path":"/send"}""",
    ];

    public static readonly string[] StatusSeeds =
    [
        """{"status":"ok","messages":[{"providerId":3158611117333282816,"code":"ok","status":"read","statusAt":"2016-08-10 15:28:50"},{"providerId":3158611117333282817,"code":"ok","smsStates":[{"id":583465579822710784,"status":"delivered"},{"id":583465579822710785,"state":"sent"}]},{"providerId":3158611117333282818,"code":"ok","status":"undelivered","errorCode":"user-blocked"}]}""",
        """{"status":"ok","messages":[{"providerId":3158611117333282816,"code":"error-instant-message-provider-id-unknown"},{"providerId":"3158611117333282817","code":"ok","status":"vp_expired","error":"not-viber-user","statusAt":1565859580000}]}""",
        """{"timestamp":1565859580000,"status":500,"error":"Internal Server Error","message":"boom","path":"/status"}""",
    ];

    public static IEnumerable<FuzzOperation> For()
    {
        const string P = ViberProviders.Devino;
        yield return new(P, "send one", SendSeeds, (t, _) => Send(t, P, UkrainianPhones[..1]));
        yield return new(P, "send three", SendSeeds, (t, _) => Send(t, P, UkrainianPhones));
        yield return new(P, "status", [.. StatusSeeds, .. SendSeeds], (t, _) => Status(t, P, "3158611117333282816", "3158611117333282817", "3158611117333282818"));
    }
}
