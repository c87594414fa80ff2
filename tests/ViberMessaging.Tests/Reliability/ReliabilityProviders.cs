using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Providers;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// One provider as the reliability suite drives it: a valid one-recipient message and its paths. Each provider's case
/// lives in its test folder (<c>Providers/&lt;Provider&gt;/&lt;Provider&gt;ReliabilityCase.cs</c>); registration comes from
/// the SDK's <see cref="ProviderManifest"/>.
/// </summary>
/// <param name="Name">The registration name (<see cref="ViberProviders"/>).</param>
/// <param name="SendPath">Text in the path of its send requests (for <c>InjectFault</c>'s <c>pathContains</c>).</param>
/// <param name="StatusPath">Text in the path of its status requests.</param>
/// <param name="Phone">A recipient its emulator accepts.</param>
internal abstract record ProviderCase(string Name, string SendPath, string StatusPath, string Phone)
{
    public PhoneNumber Recipient => PhoneNumber.Parse(Phone);

    private ProviderDescriptor Descriptor => ProviderManifest.Find(Name)
        ?? throw new InvalidOperationException($"{Name} is not in ProviderManifest.All.");

    /// <summary>Registers an account of the provider under a name, with the options tweak applied last.</summary>
    public IViberMessagingBuilder AddNamed(IViberMessagingBuilder builder, string name, Action<ViberProviderOptions> tweak)
        => Descriptor.Add(builder, name, o =>
        {
            Prepare(o);
            tweak(o);
        });

    /// <summary>Points the named account at a base address after every other configuration (an emulator of its own).</summary>
    public void PointAt(IServiceCollection services, string name, Uri address)
        => Descriptor.PostConfigure(services, name, o => o.BaseAddress = address);

    /// <summary>Registers the account under the provider's default name.</summary>
    public IViberMessagingBuilder AddTo(IViberMessagingBuilder builder, Action<ViberProviderOptions> tweak) => AddNamed(builder, Name, tweak);

    /// <summary>A valid text message to the one recipient; distinct texts keep the emulator's duplicate count meaningful.</summary>
    public ViberMessage Message(string text) => new() { Sender = "MyShop", Recipients = [Recipient], Text = text };

    public sealed override string ToString() => Name;

    /// <summary>The rules of the provider's document the SDK checks before sending (<c>&lt;Provider&gt;ValidationRules.For</c>).</summary>
    public abstract IEnumerable<RuleCase> DocumentedRules();

    /// <summary>The provider's calls the response fuzzer drives (<c>&lt;Provider&gt;FuzzOperations.For</c>).</summary>
    public abstract IEnumerable<FuzzOperation> FuzzOperations();

    /// <summary>An id of the provider's id shape for a status query: the digits as the provider's ids carry them.</summary>
    public virtual string StatusId(string digits) => digits;

    /// <summary>Sets the provider's emulator credentials to values that change under Base64, URL and form encoding.</summary>
    public abstract void SetHostileCredentials(EmulatorCredentials credentials);

    /// <summary>Each of the provider's credentials (and its combined forms, such as <c>login:password</c>) with a label, for <see cref="SecretScan"/>.</summary>
    public abstract IEnumerable<(string Label, string Secret)> Secrets(EmulatorCredentials credentials);

    /// <summary>Provokes one of the provider's account errors with a body (a refused sender, a blocked account, an empty balance, an unknown id) on the harness's account of the provider, and leaves the emulator as it was where the error came from a setting. Returns what the call returned, for the secret scan to walk.</summary>
    public abstract Task<object?> ProvokeAccountErrorAsync(EmulatorHarness harness);

    /// <summary>The provider's error answer with <paramref name="text"/> (a JSON string) in every text field it has (message, code, name, status).</summary>
    public abstract string EchoingError(string text, HttpStatusCode status);

    /// <summary>A successful answer with <paramref name="nest"/> (deep JSON arrays) inside the shape the provider's parser reads, so it must descend into it.</summary>
    public abstract string NestedAnswer(string nest);

    /// <summary>Send answers that accept the one recipient with an id not of the provider's id shape, and that id as sent.</summary>
    public abstract IEnumerable<(string Answer, string RawId)> UnreadableIdAnswers();

    /// <summary>Lets the account send as <paramref name="sender"/> too, where the provider needs its senders registered (SMS.by: an id per sender name).</summary>
    public virtual void AcceptSender(ViberProviderOptions options, string sender)
    {
    }

    /// <summary>What the account needs before the suite's tweak so that <see cref="Message"/> is valid (SMS.by: the sender's id).</summary>
    protected virtual void Prepare(ViberProviderOptions options)
    {
    }
}

internal static class ReliabilityProviders
{
    /// <summary>
    /// One case per provider of <see cref="ProviderManifest.All"/>, in its order. A provider without a case fails here
    /// (every test of the suite), never silently drops out of it.
    /// </summary>
    public static IReadOnlyList<ProviderCase> All { get; } = Discover();

    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    /// <summary>Every provider with both values of a flag (a send or a read, seconds or a date, …).</summary>
    public static TheoryData<string, bool> NamesWithBoth
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var provider in All)
            {
                data.Add(provider.Name, true);
                data.Add(provider.Name, false);
            }

            return data;
        }
    }

    public static ProviderCase Get(string name) => All.Single(p => p.Name == name);

    /// <summary>Registers every provider with the same options tweak.</summary>
    public static void AddAll(IViberMessagingBuilder builder, Action<ViberProviderOptions> tweak)
    {
        foreach (var provider in All)
        {
            provider.AddTo(builder, tweak);
        }
    }

    private static ProviderCase[] Discover()
    {
        var cases = typeof(ProviderCase).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ProviderCase)) && !t.IsAbstract)
            .Select(t => (ProviderCase)Activator.CreateInstance(t)!)
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        var missing = ProviderManifest.All.Where(p => !cases.ContainsKey(p.Name)).Select(p => p.Name).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"No reliability case for {string.Join(", ", missing)}: add Providers/<Provider>/<Provider>ReliabilityCase.cs.");
        }

        return ProviderManifest.All.Select(p => cases[p.Name]).ToArray();
    }
}
