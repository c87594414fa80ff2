using System.Globalization;
using ViberMessaging.Tests.TestSupport;
using Xunit.Abstractions;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Every documented rule of every provider (<see cref="ValidationRuleCatalogue"/>) is enforced before any HTTP request,
/// with a <see cref="ViberValidationException"/> that names it; a message breaking many rules hears about all of them at
/// once. The providers' validator tests check the wording of each rule; these check the whole path, on real
/// registrations, against an emulator that must see nothing.
/// </summary>
public sealed class BadInputTests(BadInputTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<BadInputTests.Fixture>
{
    public static TheoryData<string> Rules => new(ValidationRuleCatalogue.All.Select(r => r.ToString()));

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Call_BreakingADocumentedRule_IsRejectedBeforeAnyRequestNamingTheRule(string rule)
    {
        var sut = ValidationRuleCatalogue.All.Single(r => r.ToString() == rule);
        var before = fixture.Harness.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => sut.Call(fixture.Harness.Services));

        Assert.Equal(before, fixture.Harness.Emulator.Requests.Count);
        Assert.Equal((ViberErrorCode.ValidationFailed, SendOutcome.NotSent), (error.ErrorCode, error.Outcome));
        foreach (var (field, name) in sut.Expected)
        {
            Assert.True(error.Errors.Any(e => e.Field == field && e.Rule == name), $"Expected {field}/{name}; got: {string.Join("; ", error.Errors.Select(e => $"{e.Field}/{e.Rule}"))}");
        }
    }

    [Fact]
    public void Catalogue_CoversEveryProvider_CountsPrinted()
    {
        foreach (var group in ValidationRuleCatalogue.All.GroupBy(r => r.Provider))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} documented rules checked before any request ({group.Sum(r => r.Expected.Length)} field/rule pairs)"));
        }

        Assert.Equal(ReliabilityProviders.All.Select(p => p.Name).Order(), ValidationRuleCatalogue.All.Select(r => r.Provider).Distinct().Order());
        Assert.Equal(ValidationRuleCatalogue.All.Count, ValidationRuleCatalogue.All.Select(r => r.ToString()).Distinct().Count());
    }

    public static TheoryData<string> ProviderNames => ReliabilityProviders.Names;

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task SendAsync_MessageBreakingManyRules_NamesEveryOneAtOnce(string name)
    {
        var provider = ReliabilityProviders.Get(name);
        var message = new ViberMessage
        {
            Sender = null,
            Recipients = [provider.Recipient, provider.Recipient, null!],
            Text = new string('x', 1001),
            ImageUrl = new Uri("/relative.jpg", UriKind.Relative),
            Button = new ViberButton(new string('b', 31), new Uri("ftp://shop.example/")),
            CallbackUrl = new Uri("mailto:ops@example.com"),
        };
        var before = fixture.Harness.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<ViberValidationException>(() => fixture.Harness.Sender(name).SendAsync(message));

        Assert.Equal(before, fixture.Harness.Emulator.Requests.Count);
        var named = error.Errors.Select(e => (e.Field, e.Rule)).ToHashSet();
        (string, string)[] everyProvider =
        [
            ("Sender", "Required"), ("Recipients[1]", "Unique"), ("Recipients[2]", "Required"), ("Text", "MaxLength"),
            ("Button.Caption", "MaxLength"), ("Button.Url", "AbsoluteHttpUrl"),
        ];
        Assert.All(everyProvider, pair => Assert.Contains(pair, named));
        Assert.Contains(error.Errors, e => e.Field == "ImageUrl");
        Assert.Contains(error.Errors, e => e.Field == "CallbackUrl");
        output.WriteLine($"{name}: {error.Errors.Count} problems in one exception: {string.Join("; ", error.Errors.Select(e => $"{e.Field}/{e.Rule}"))}");
    }

    /// <summary>One emulator and one registration of every provider for all the rules: nothing may reach it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public EmulatorHarness Harness { get; private set; } = null!;

        public async Task InitializeAsync()
            => Harness = await EmulatorHarness.StartAsync(b => ReliabilityProviders.AddAll(b, _ => { }));

        public async Task DisposeAsync() => await Harness.DisposeAsync();
    }
}
