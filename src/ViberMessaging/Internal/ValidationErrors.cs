using System.Globalization;

namespace ViberMessaging.Internal;

/// <summary>Collects every broken rule of a request, so the caller hears about all of them at once.</summary>
internal sealed class ValidationErrors
{
    // Made on the first problem: most messages have none, and every send validates.
    private List<ValidationError>? _errors;

    public int Count => _errors?.Count ?? 0;

    public IReadOnlyList<ValidationError> Errors => _errors ?? [];

    public void Add(string field, string rule, string message) => (_errors ??= []).Add(new ValidationError(field, rule, message));

    public bool Required(string field, string? value, string? why = null)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Add(field, "Required", why ?? $"{field} is required.");
        return false;
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, "MaxLength", string.Create(CultureInfo.InvariantCulture, $"{field} may have at most {max} characters; it has {value.Length}."));
        }
    }

    public void Range(string field, TimeSpan? value, TimeSpan? min, TimeSpan? max)
    {
        if (value is not { } v)
        {
            return;
        }

        if ((min is { } lo && v < lo) || (max is { } hi && v > hi))
        {
            Add(field, "Range", string.Create(CultureInfo.InvariantCulture, $"{field} must be between {Seconds(min)} and {Seconds(max)} seconds; it is {v.TotalSeconds:0.###} s."));
        }
    }

    public void Range(string field, long value, long min, long max, string unit = "")
    {
        if (value < min || value > max)
        {
            Add(field, "Range", string.Create(CultureInfo.InvariantCulture, $"{field} must be between {min} and {max}{unit}; it is {value}{unit}."));
        }
    }

    /// <summary>An absolute http(s) URL.</summary>
    public void HttpUrl(string field, Uri? url)
    {
        if (url is null)
        {
            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Add(field, "AbsoluteHttpUrl", $"{field} must be an absolute http or https URL; '{url.OriginalString}' is not.");
        }
    }

    /// <summary>Two fields that must be set together or not at all.</summary>
    public void Together(string first, bool hasFirst, string second, bool hasSecond)
    {
        if (hasFirst != hasSecond)
        {
            Add(hasFirst ? second : first, "Together", $"{first} and {second} must be set together or not at all.");
        }
    }

    public void NotSupported(string field, string providerName, string? hint = null)
        => Add(field, "NotSupported", $"{providerName} does not support {field}." + (hint is null ? string.Empty : " " + hint));

    public void ThrowIfAny()
    {
        if (_errors is { Count: > 0 } errors)
        {
            throw new ViberValidationException(errors.ToArray());
        }
    }

    private static string Seconds(TimeSpan? value) => value is { } v ? v.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "any";
}
