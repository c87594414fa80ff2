using System.Reflection;

namespace ViberMessaging.Internal;

/// <summary>The package version (from git tags, by MinVer) without build metadata: in the User-Agent and the telemetry scope.</summary>
internal static class SdkVersion
{
    public static readonly string Value = typeof(SdkVersion).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
