using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace ViberMessaging.DependencyInjection;

/// <summary>
/// Creates a provider's options like <see cref="OptionsFactory{TOptions}"/> (configure, post-configure, validate) and
/// reports every problem at once, in one style, by configuration path: unknown keys and unconvertible values of its
/// section (which the binder never sees, see <see cref="FilteredConfiguration"/>) together with the failures of
/// every validator, the generated DataAnnotations ones rephrased from <c>SmsClub.Pacing.PermitLimit</c> to
/// <c>ViberMessaging:SmsClub:Pacing:PermitLimit</c>.
/// </summary>
internal sealed class ProviderOptionsFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
    IEnumerable<IConfigureOptions<TOptions>> setups,
    IEnumerable<IPostConfigureOptions<TOptions>> postConfigures,
    IEnumerable<IValidateOptions<TOptions>> validations,
    ProviderRegistry registry) : IOptionsFactory<TOptions>
    where TOptions : ViberProviderOptions
{
    private readonly OptionsFactory<TOptions> _inner = new(setups, postConfigures, validations);

    public TOptions Create(string name)
    {
        var entry = registry.Find(name);
        var problems = entry?.CheckConfiguration().Problems ?? [];
        try
        {
            var options = _inner.Create(name);
            if (problems.Count == 0)
            {
                return options;
            }
        }
        catch (OptionsValidationException e)
        {
            problems.AddRange(e.Failures.Select(f => OptionsFailureText.Rephrase(f, name, Path(entry, name) + ":")));
        }
        catch (InvalidOperationException e) when (entry?.Section is not null)
        {
            // A conversion the schema does not know about (the binder's own message names the path).
            problems.Add($"{Path(entry, name)}: {e.Message}");
        }

        throw new OptionsValidationException(name, typeof(TOptions), problems);
    }

    private static string Path(ProviderEntry? entry, string name) => entry?.SectionPath ?? ViberMessagingOptions.DefaultSectionName + ":" + name;
}
