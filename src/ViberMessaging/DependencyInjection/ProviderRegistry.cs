using Microsoft.Extensions.Options;

namespace ViberMessaging.DependencyInjection;

/// <summary>The provider registrations of one service collection, in registration order.</summary>
internal sealed class ProviderRegistry
{
    private readonly List<(string Name, bool SupportsChats)> _providers = [];

    public IReadOnlyList<string> Names => _providers.Select(p => p.Name).ToArray();

    public void Add(string name, bool supportsChats)
    {
        if (_providers.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A provider named '{name}' is already registered. Give the second account its own name, for example AddSmsClub(\"{name}Marketing\", …).");
        }

        _providers.Add((name, supportsChats));
    }

    public string DefaultName(IOptions<ViberMessagingOptions> options, bool chats = false)
    {
        var configured = options.Value.DefaultProvider;
        if (!string.IsNullOrEmpty(configured))
        {
            var match = _providers.FirstOrDefault(p => string.Equals(p.Name, configured, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new InvalidOperationException($"ViberMessaging:DefaultProvider is '{configured}', but no provider with that name is registered (registered: {string.Join(", ", Names)}).");
            }

            if (!chats || match.SupportsChats)
            {
                return match.Name;
            }
        }

        var first = _providers.FirstOrDefault(p => !chats || p.SupportsChats);
        return first.Name ?? throw new InvalidOperationException(chats
            ? "No registered provider supports two-way chats."
            : "No Viber provider is registered: add one with services.AddViberMessaging().AddSmsClub(…) (or AddDevino, AddDecisionTelecom, AddSmsBy).");
    }
}
