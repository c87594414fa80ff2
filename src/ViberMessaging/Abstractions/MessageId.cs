using System.Diagnostics.CodeAnalysis;
using ViberMessaging.Internal;

namespace ViberMessaging;

/// <summary>
/// Identifies one sent message at one provider: the registered provider name and the provider's opaque id.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ToString"/> gives <c>Provider:Value</c> (for example <c>SmsClub:5769</c> or
/// <c>Devino:3158611117333282816</c>) and <see cref="Parse(string)"/> reads it back, so an id can be stored and used
/// to ask for the status later, in another process. The value is kept as text, so 64-bit ids stay exact.
/// </para>
/// <para>Provider names compare case-insensitively; values compare exactly.</para>
/// </remarks>
public readonly struct MessageId : IEquatable<MessageId>
{
    private const char Separator = ':';
    private readonly string? _provider;
    private readonly string? _value;

    /// <summary>Creates an id.</summary>
    /// <param name="provider">The registered provider name, for example <c>SmsClub</c>. It cannot contain ':'.</param>
    /// <param name="value">The provider's id for the message.</param>
    /// <exception cref="ArgumentException">A part is empty, or the provider name contains ':'.</exception>
    public MessageId(string provider, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (provider.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException("A provider name cannot contain ':'.", nameof(provider));
        }

        _provider = provider;
        _value = value;
    }

    /// <summary>The registered provider name, for example <c>SmsClub</c>; empty for <see langword="default"/>.</summary>
    public string Provider => _provider ?? string.Empty;

    /// <summary>The provider's id for the message, opaque to callers; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the empty <see langword="default"/> value.</summary>
    public bool IsEmpty => _provider is null;

    /// <summary>Reads an id written by <see cref="ToString"/>.</summary>
    /// <param name="text">Text of the form <c>Provider:Value</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not of that form.</exception>
    public static MessageId Parse(string text)
    {
        if (TryParse(text, out var id))
        {
            return id;
        }

        throw new FormatException($"'{PrintableText.Quote(text, 100)}' is not a message id: expected 'Provider:Value', for example 'SmsClub:5769'.");
    }

    /// <summary>Tries to read an id written by <see cref="ToString"/>.</summary>
    /// <param name="text">Text of the form <c>Provider:Value</c>.</param>
    /// <param name="id">The id, when the method returns <see langword="true"/>.</param>
    /// <returns>Whether <paramref name="text"/> was an id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out MessageId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var separator = text.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || separator == text.Length - 1 || string.IsNullOrWhiteSpace(text[..separator]))
        {
            return false;
        }

        id = new MessageId(text[..separator], text[(separator + 1)..]);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(MessageId other)
        => string.Equals(_provider, other._provider, StringComparison.OrdinalIgnoreCase)
        && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MessageId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
        => HashCode.Combine(
            _provider is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_provider),
            _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value));

    /// <summary>Returns <c>Provider:Value</c>, the form <see cref="Parse(string)"/> reads.</summary>
    /// <returns>The id as text; empty for <see langword="default"/>.</returns>
    public override string ToString() => IsEmpty ? string.Empty : string.Concat(_provider, ":", _value);

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(MessageId left, MessageId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(MessageId left, MessageId right) => !left.Equals(right);
}
