using System.Text.RegularExpressions;

namespace ViberMessaging.DependencyInjection;

/// <summary>Puts options validation failures into one style: the configuration path, then the rule.</summary>
internal static partial class OptionsFailureText
{
    /// <summary>One failure in the house style: <c>ViberMessaging:SmsClub:MaxConcurrentRequests must be between 1 and 256.</c></summary>
    public static string Rephrase(string failure, string name, string prefix)
    {
        // Our own rules already speak of ViberMessaging:<name>:…; a custom section has another path.
        var ours = ViberMessagingOptions.DefaultSectionName + ":" + name + ":";
        if (failure.StartsWith(ours, StringComparison.OrdinalIgnoreCase))
        {
            return prefix + failure[ours.Length..];
        }

        // Generated DataAnnotations: "Member: The field SmsClub.Pacing.PermitLimit must be between 1 and 100000."
        var text = MemberPrefix().Replace(failure, string.Empty, 1);
        var display = new Regex(@"\b" + Regex.Escape(name) + @"((?:\.\w+)+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        text = display.Replace(text, m => prefix + m.Groups[1].Value[1..].Replace('.', ':'));
        text = FieldMust().Replace(text, "$1 must");
        text = FieldRequired().Replace(text, "$1 is required.");
        return text;
    }

    [GeneratedRegex(@"^[\w.]+(, [\w.]+)*: ", RegexOptions.CultureInvariant)]
    private static partial Regex MemberPrefix();

    [GeneratedRegex(@"^The field (\S+) must", RegexOptions.CultureInvariant)]
    private static partial Regex FieldMust();

    [GeneratedRegex(@"^The (\S+) field is required\.$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldRequired();
}
