
namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// One public SDK call the fuzzer feeds hostile answers to, with the documented shapes it is seeded from. A call may
/// return or throw <see cref="ViberMessagingException"/>; what it returns must still account for every recipient or id.
/// </summary>
internal sealed record FuzzOperation(string Provider, string Name, string[] Seeds, Func<StubbedTransport, byte[], Task> Run)
{
    public override string ToString() => $"{Provider}.{Name}";
}

/// <summary>
/// The fuzzer's operations and the checks they share. Each provider's operations and their seeds (every documented
/// response shape of its API, made valid where the documents' examples are not) live in its test folder:
/// <c>Providers/&lt;Provider&gt;/&lt;Provider&gt;FuzzOperations.cs</c>.
/// </summary>
internal static class FuzzOperations
{
    public static readonly PhoneNumber[] UkrainianPhones = [.. new[] { "380989361121", "380989361126", "380989361123" }.Select(PhoneNumber.Parse)];
    public static readonly PhoneNumber[] BelarusianPhones = [.. new[] { "375291111111", "375292222222" }.Select(PhoneNumber.Parse)];

    /// <summary>Every provider's operations (<see cref="ProviderCase.FuzzOperations"/>), in manifest order.</summary>
    public static IReadOnlyList<FuzzOperation> All { get; } = [.. ReliabilityProviders.All.SelectMany(p => p.FuzzOperations())];

    /// <summary>A send returns one result per recipient, in order; an accepted one carries this provider's id.</summary>
    public static async Task Send(StubbedTransport transport, string provider, PhoneNumber[] recipients, bool fallback = false)
    {
        var message = new ViberMessage
        {
            Sender = "MyShop",
            Recipients = recipients,
            Text = "Your order has shipped",
            SmsFallback = fallback ? new SmsFallback("Your order has shipped") : null,
        };
        var result = await transport.Sender(provider).SendAsync(message);
        Assert.Equal(recipients, result.Recipients.Select(r => r.Recipient));
        Assert.All(result.Recipients.Where(r => r.Status == RecipientStatus.Accepted), r => Assert.Equal(provider, r.MessageId?.Provider));
        Assert.All(result.Recipients.Where(r => r.Status == RecipientStatus.Failed), r => Assert.NotNull(r.Error));
    }

    /// <summary>A status query returns one report per id asked, in order.</summary>
    public static async Task Status(StubbedTransport transport, string provider, params string[] values)
    {
        var ids = values.Select(v => new MessageId(provider, v)).ToArray();
        var reports = await transport.StatusQuery(provider).GetStatusesAsync(ids);
        Assert.Equal(ids, reports.Select(r => r.MessageId));
    }

    public static async Task Take<T>(IAsyncEnumerable<T> items, int most)
    {
        var count = 0;
        await foreach (var item in items)
        {
            Assert.NotNull(item);
            if (++count == most)
            {
                break;
            }
        }
    }
}
