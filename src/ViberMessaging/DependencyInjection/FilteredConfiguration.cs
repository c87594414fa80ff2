using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace ViberMessaging.DependencyInjection;

/// <summary>
/// A read-only view of a configuration section without the keys <see cref="ConfigurationSchema"/> rejected, so the
/// binder binds every good value and the bad ones are reported together, by path, instead of the first one throwing.
/// </summary>
internal sealed class FilteredConfiguration : IConfigurationSection
{
    private readonly IConfiguration _inner;
    private readonly IReadOnlySet<string> _rejected;
    private readonly bool _hidden;

    public FilteredConfiguration(IConfiguration inner, IReadOnlySet<string> rejected)
        : this(inner, rejected, hidden: false)
    {
    }

    private FilteredConfiguration(IConfiguration inner, IReadOnlySet<string> rejected, bool hidden)
    {
        _inner = inner;
        _rejected = rejected;
        _hidden = hidden;
    }

    public string Key => (_inner as IConfigurationSection)?.Key ?? string.Empty;

    public string Path => (_inner as IConfigurationSection)?.Path ?? string.Empty;

    public string? Value
    {
        get => _hidden ? null : (_inner as IConfigurationSection)?.Value;
        set => throw new NotSupportedException("This view of the configuration is read-only.");
    }

    public string? this[string key]
    {
        get => GetSection(key).Value;
        set => throw new NotSupportedException("This view of the configuration is read-only.");
    }

    public IConfigurationSection GetSection(string key)
    {
        var section = _inner.GetSection(key);
        return new FilteredConfiguration(section, _rejected, _hidden || _rejected.Contains(section.Path));
    }

    public IEnumerable<IConfigurationSection> GetChildren()
        => _hidden ? [] : _inner.GetChildren().Where(c => !_rejected.Contains(c.Path)).Select(c => new FilteredConfiguration(c, _rejected));

    public IChangeToken GetReloadToken() => _inner.GetReloadToken();
}
