using System.Text.Json;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Every provider keeps its answer reachable on the neutral results (<see cref="SendResult.RawRepresentation"/>,
/// <see cref="DeliveryReport.RawRepresentation"/>), as Microsoft.Extensions.AI does: real HTTP to the emulator, and
/// the id the neutral result carries is found in the raw answer.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class RawRepresentationTests
{
    public static TheoryData<string> ProviderNames => ReliabilityProviders.Names;

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_AnyProvider_ResultCarriesTheProvidersAnswer(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        await using var harness = await EmulatorHarness.StartAsync(b => provider.AddTo(b, _ => { }));

        var result = await harness.Sender(name).SendAsync(provider.Message("raw answer"));

        var id = Assert.Single(result.MessageIds);
        Assert.Contains(ProviderPart(id), RawJson(result.RawRepresentation), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task GetStatusesAsync_AnyProvider_ReportCarriesTheProvidersAnswer(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        await using var harness = await EmulatorHarness.StartAsync(b => provider.AddTo(b, _ => { }));
        var id = Assert.Single((await harness.Sender(name).SendAsync(provider.Message("raw status"))).MessageIds);

        var report = Assert.Single(await harness.StatusQuery(name).GetStatusesAsync([id]));

        Assert.Null(report.Error);
        Assert.NotNull(report.RawRepresentation);
        Assert.Contains("status", RawJson(report.RawRepresentation), StringComparison.OrdinalIgnoreCase);
        Assert.Same(report.RawRepresentation, report.Merge(new DeliveryReport(id, DeliveryStatus.Unknown)).RawRepresentation);
    }

    /// <summary>The raw answer as JSON, the way a caller would log it.</summary>
    internal static string RawJson(object? raw)
    {
        Assert.NotNull(raw);
        return JsonSerializer.Serialize(raw, raw.GetType());
    }

    /// <summary>The provider's own id inside a composed message id (<c>quick:8484</c> → <c>8484</c>).</summary>
    private static string ProviderPart(MessageId id) => id.Value[(id.Value.LastIndexOf(':') + 1)..];
}
