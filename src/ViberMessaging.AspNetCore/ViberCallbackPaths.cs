using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ViberMessaging.AspNetCore;

/// <summary>
/// The callback path of each provider account: <c>{prefix}/{account}/{secret segment}</c>, the segment an HMAC of the
/// account name under <see cref="ViberCallbackOptions.Secret"/>. Set a message's <see cref="ViberMessage.CallbackUrl"/>
/// to your public base address plus <see cref="PathFor"/>.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton by <c>AddViberCallbacks</c>.</remarks>
public sealed class ViberCallbackPaths
{
    private readonly byte[] _key;

    /// <summary>Creates the paths from the options.</summary>
    /// <param name="options">The callback options; <see cref="ViberCallbackOptions.Secret"/> must be set.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ViberCallbackPaths(IOptions<ViberCallbackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Encoding.UTF8.GetBytes(options.Value.Secret ?? string.Empty);
    }

    /// <summary>The path prefix given to <c>MapViberCallbacks</c>.</summary>
    /// <value><c>/viber</c> until the endpoints are mapped.</value>
    public string Prefix { get; internal set; } = "/viber";

    /// <summary>The path the gateway must post the account's callbacks to: <c>{prefix}/{account}/{secret}</c>, for example <c>/viber/Shop/3f9c…</c> for an account registered as <c>Shop</c>.</summary>
    /// <param name="providerName">The account's registration name (a <see cref="ViberProviders"/> name unless registered under another).</param>
    /// <returns>The path, starting with <see cref="Prefix"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerName"/> is empty.</exception>
    public string PathFor(string providerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        return $"{Prefix.TrimEnd('/')}/{Uri.EscapeDataString(providerName)}/{Segment(providerName)}";
    }

    /// <summary>The account's callback URL under a public base address (its path kept: <c>https://shop.example/app/</c> gives <c>https://shop.example/app/viber/…</c>).</summary>
    /// <param name="publicBaseAddress">Where the gateways reach this application, for example <c>https://shop.example/</c>.</param>
    /// <param name="providerName">The account's registration name.</param>
    /// <returns>The absolute URL to put in <see cref="ViberMessage.CallbackUrl"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerName"/> is empty, or <paramref name="publicBaseAddress"/> is not absolute.</exception>
    public Uri UrlFor(Uri publicBaseAddress, string providerName)
    {
        ArgumentNullException.ThrowIfNull(publicBaseAddress);
        if (!publicBaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The public base address must be absolute, for example https://shop.example/.", nameof(publicBaseAddress));
        }

        return new Uri(Under(publicBaseAddress) + PathFor(providerName));
    }

    /// <summary>The account's callback URL for one request, with its correlation token as the last path segment.</summary>
    internal Uri CorrelatedUrlFor(Uri publicBaseAddress, string providerName, string correlationToken)
        => new(Under(publicBaseAddress) + PathFor(providerName) + "/" + Uri.EscapeDataString(correlationToken));

    /// <summary>The base address without its trailing slash, its path kept (an application behind a reverse proxy's path prefix).</summary>
    private static string Under(Uri publicBaseAddress) => publicBaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Whether <paramref name="segment"/> is the account's secret segment (compared in constant time).</summary>
    internal bool IsValid(string providerName, string segment)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Segment(providerName)), Encoding.ASCII.GetBytes(segment));

    private string Segment(string providerName)
        => Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(providerName.ToUpperInvariant())).AsSpan(0, 16)).ToLowerInvariant();
}
