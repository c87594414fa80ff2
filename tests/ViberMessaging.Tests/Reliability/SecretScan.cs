using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Logging.Testing;
using ViberMessaging.Testing;

namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// Looks for credentials where they must never be: log lines, exception messages, <c>ToString()</c>, <c>Data</c>, and
/// every public property of what the SDK returns or throws (walked recursively). A credential counts in every form it
/// travels in: as is, Base64 (<c>key</c>, <c>key:</c>, <c>login:password</c>, as Authorization headers carry them),
/// URL-escaped and form-encoded.
/// </summary>
internal sealed class SecretScan
{
    private readonly List<(string Form, string Label)> _forms = [];
    private readonly List<string> _leaks = [];
    private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Type> _typesSeen = [];

    /// <summary>Every provider's credentials (<see cref="ProviderCase.Secrets"/>).</summary>
    public SecretScan(EmulatorCredentials credentials)
        : this(ReliabilityProviders.All.SelectMany(p => p.Secrets(credentials)))
    {
    }

    public SecretScan(IEnumerable<(string Label, string Secret)> secrets)
    {
        foreach (var (label, secret) in secrets)
        {
            Add(secret, label);
            Add(Base64(secret), $"base64({label})");
            Add(Base64(secret + ":"), $"base64({label}:)");
            Add(Uri.EscapeDataString(secret), $"url-escaped({label})");
            Add(WebUtility.UrlEncode(secret), $"form-encoded({label})");
        }
    }

    /// <summary>The SDK types whose instances were walked (for coverage checks).</summary>
    public IReadOnlySet<Type> TypesSeen => _typesSeen;

    public int Checked { get; private set; }

    public SecretScan Check(string where, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }

        Checked++;
        foreach (var (form, label) in _forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                _leaks.Add($"{label} in {where}");
            }
        }

        return this;
    }

    public SecretScan CheckLogs(FakeLoggerProvider logs)
    {
        foreach (var record in logs.Collector.GetSnapshot())
        {
            Check($"log line '{record.Category}' {record.Id}", record.Message);
            if (record.Exception is { } exception)
            {
                CheckException($"exception logged by '{record.Category}'", exception);
            }
        }

        return this;
    }

    public SecretScan CheckException(string where, Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            Check($"{where}: {current.GetType().Name}.Message", current.Message);
            foreach (DictionaryEntry entry in current.Data)
            {
                Check($"{where}: {current.GetType().Name}.Data key", entry.Key?.ToString());
                Check($"{where}: {current.GetType().Name}.Data value", entry.Value?.ToString());
            }
        }

        Check($"{where}: ToString()", exception.ToString());
        return CheckObject(where, exception);
    }

    /// <summary>Checks <paramref name="value"/>'s <c>ToString()</c> and, for SDK types, every public property, recursively.</summary>
    public SecretScan CheckObject(string where, object? value)
    {
        if (value is null || value is Type || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return this;
        }

        if (value is string text)
        {
            return Check(where, text);
        }

        if (!value.GetType().IsValueType && !_visited.Add(value))
        {
            return this;
        }

        var type = value.GetType();
        Check($"{where} ({type.Name}.ToString())", value.ToString());
        if (value is IEnumerable items and not IDictionary<string, string>)
        {
            var index = 0;
            foreach (var item in items)
            {
                CheckObject($"{where}[{index++}]", item);
            }
        }

        if (!IsSdkType(type) && value is not Exception)
        {
            return this;
        }

        if (IsSdkType(type))
        {
            _typesSeen.Add(type);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.DeclaringType == typeof(Exception) && property.Name is nameof(Exception.TargetSite) or nameof(Exception.StackTrace))
            {
                continue;
            }

            object? propertyValue;
            try
            {
                propertyValue = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            CheckObject($"{where}.{property.Name}", propertyValue);
        }

        return this;
    }

    public void AssertClean()
        => Assert.True(_leaks.Count == 0, $"Credentials leaked ({_leaks.Count}):\n" + string.Join("\n", _leaks.Distinct().Take(30)));

    public static bool IsSdkType(Type type) => type.Assembly == typeof(IViberSender).Assembly;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private void Add(string form, string label)
    {
        if (form.Length >= 4 && !_forms.Any(f => f.Form == form))
        {
            _forms.Add((form, label));
        }
    }
}
