using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.ContractTests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace ViberMessaging.ContractTests.Providers.SmsClub;

/// <summary>
/// SMS Club's wire contract, from /work/shared/provider-docs/smsclub-viber-api.uk.txt: JSON over
/// <c>https://im.smsclub.mobi/vibers/*</c>, authenticated by "'Authorization: Bearer your_token'".
/// </summary>
internal static class SmsClubContract
{
    public const string Token = "vRpHChl3YDut_KN";

    public static ContractServer Start()
    {
        var server = new ContractServer();
        return server.Register(b => b.AddSmsClub(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = Token;
            o.Resilience.MaxRetryAttempts = 0;
        }));
    }

    /// <summary>A JSON POST to <paramref name="path"/> whose body equals <paramref name="json"/> exactly (no extra or missing field).</summary>
    public static IRequestBuilder Post(string path, string json)
        => Authorized(Request.Create().WithPath(path).UsingPost())
            .WithHeader("Content-Type", new WildcardMatcher("application/json*", ignoreCase: true))
            .WithBody(new JsonMatcher(json));

    /// <summary>A GET to <paramref name="path"/> with the given query parameters.</summary>
    public static IRequestBuilder Get(string path, params (string Name, string Value)[] query)
    {
        var request = Authorized(Request.Create().WithPath(path).UsingGet());
        foreach (var (name, value) in query)
        {
            request = request.WithParam(name, new ExactMatcher(value));
        }

        return request;
    }

    public static IRequestBuilder Authorized(IRequestBuilder request)
        => request.WithHeader("Authorization", new ExactMatcher("Bearer " + Token));
}
