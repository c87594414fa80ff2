using System.Text;
using Microsoft.AspNetCore.Http;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>Reads the credentials of a request's <c>Authorization</c> header the lenient way servers do (any case of the scheme, spaces trimmed).</summary>
internal static class EmulatorAuth
{
    /// <summary>The <c>login:password</c> of a Basic header, or <see langword="null"/> when there is none or it is not Base64.</summary>
    public static string? BasicPair(HttpContext context)
    {
        if (Credential(context, "Basic ") is not { } encoded)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The token of a Bearer header, or <see langword="null"/> when there is none.</summary>
    public static string? Bearer(HttpContext context) => Credential(context, "Bearer ");

    /// <summary>Whether <paramref name="pair"/> is <paramref name="login"/>:<paramref name="password"/>.</summary>
    public static bool Matches(string? pair, string login, string password) => string.Equals(pair, login + ":" + password, StringComparison.Ordinal);

    private static string? Credential(HttpContext context, string scheme)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
