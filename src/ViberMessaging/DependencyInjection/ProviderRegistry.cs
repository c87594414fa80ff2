using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ViberMessaging.Providers;

namespace ViberMessaging.DependencyInjection;

/// <summary>One provider account: its name, where its configuration is, and how to check all of it.</summary>
/// <param name="Name">The registration name.</param>
/// <param name="SupportsChats">Whether the client implements <see cref="IViberChats"/>.</param>
/// <param name="Section">The configuration section bound to the options, if any.</param>
/// <param name="SectionPath">The configuration path problems are reported under (<c>ViberMessaging:SmsClub</c>).</param>
/// <param name="Schema">The keys the options accept.</param>
/// <param name="Problems">Creates the options and returns every problem, by configuration path (empty when they are valid).</param>
internal sealed record ProviderEntry(
    string Name,
    bool SupportsChats,
    IConfiguration? Section,
    string SectionPath,
    ConfigurationSchema Schema,
    Func<IServiceProvider, IReadOnlyList<string>> Problems)
{
    /// <summary>Every unknown key and unconvertible value of the section, and the paths the binder must not see.</summary>
    public (List<string> Problems, HashSet<string> Rejected) CheckConfiguration()
    {
        var problems = new List<string>();
        var rejected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Section is not null)
        {
            Schema.Check(Section, SectionPath, problems, rejected);
        }

        return (problems, rejected);
    }
}

/// <summary>A router registered with <c>AddRouter</c>: its name and how to list every problem of its options.</summary>
/// <param name="Name">The router's name.</param>
/// <param name="Problems">Every problem of its options, by configuration path (empty when they are valid).</param>
internal sealed record RouterEntry(string Name, Func<IServiceProvider, IReadOnlyList<string>> Problems);

/// <summary>The provider registrations of one service collection, in registration order, and the section they came from.</summary>
internal sealed class ProviderRegistry
{
    private readonly List<ProviderEntry> _providers = [];
    private readonly List<RouterEntry> _routers = [];

    public IReadOnlyList<string> Names => _providers.Select(p => p.Name).ToArray();

    public IReadOnlyList<ProviderEntry> Providers => _providers;

    public IReadOnlyList<RouterEntry> Routers => _routers;

    /// <summary>The <c>ViberMessaging</c> section of <c>AddViberMessaging(configuration)</c>, when it was used.</summary>
    public IConfigurationSection? Section { get; set; }

    public void Add(ProviderEntry provider)
    {
        if (_providers.Any(p => string.Equals(p.Name, provider.Name, StringComparison.OrdinalIgnoreCase)) || FindRouter(provider.Name) is not null)
        {
            throw new InvalidOperationException($"A provider named '{provider.Name}' is already registered. Give the second account its own name, for example AddSmsClub(\"{provider.Name}Marketing\", …).");
        }

        _providers.Add(provider);
    }

    public void AddRouter(RouterEntry router)
    {
        if (Find(router.Name) is not null || FindRouter(router.Name) is not null)
        {
            throw new InvalidOperationException($"A provider or router named '{router.Name}' is already registered; give the router its own name.");
        }

        _routers.Add(router);
    }

    public RouterEntry? FindRouter(string? name) => _routers.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public ProviderEntry? Find(string? name) => _providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public string DefaultName(IOptions<ViberMessagingOptions> options, bool chats = false)
    {
        var configured = options.Value.DefaultProvider;
        if (!string.IsNullOrEmpty(configured))
        {
            // A router is a sender and a status query, never a chat service: chats fall through to the first provider that has them.
            if (FindRouter(configured) is { } router)
            {
                if (!chats)
                {
                    return router.Name;
                }
            }
            else
            {
                var match = Find(configured) ?? throw new InvalidOperationException(UnknownDefault(configured));
                if (!chats || match.SupportsChats)
                {
                    return match.Name;
                }
            }
        }

        var first = _providers.FirstOrDefault(p => !chats || p.SupportsChats);
        return first?.Name ?? throw new InvalidOperationException(chats
            ? "No registered provider supports two-way chats."
            : $"No Viber provider is registered: add one with services.AddViberMessaging().Add{ProviderManifest.All[0].Name}(…) (or {string.Join(", ", ProviderManifest.All.Skip(1).Select(p => "Add" + p.Name))}).");
    }

    /// <summary>The problem with a <c>DefaultProvider</c> that names no registration, or <see langword="null"/>.</summary>
    public string? CheckDefault(string? configured)
        => string.IsNullOrEmpty(configured) || Find(configured) is not null || FindRouter(configured) is not null ? null : UnknownDefault(configured);

    private string UnknownDefault(string configured)
    {
        var hint = ConfigurationSchema.DidYouMean(configured, Names);
        return $"{Section?.Path ?? ViberMessagingOptions.DefaultSectionName}:{nameof(ViberMessagingOptions.DefaultProvider)} is '{configured}', but no provider or router with that name is registered (registered: {string.Join(", ", Names.Concat(_routers.Select(r => r.Name)))}){(hint.Length > 0 ? hint : ".")}";
    }
}
