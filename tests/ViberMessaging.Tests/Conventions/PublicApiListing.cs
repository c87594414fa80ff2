using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace ViberMessaging.Tests.Conventions;

/// <summary>Writes an assembly's public surface as stable, sorted text: the committed listing under api/ is compared with it.</summary>
internal static class PublicApiListing
{
    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeHeader(type)).Append('\n');
            foreach (var line in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string TypeHeader(Type type)
    {
        var kind = type.IsInterface ? "interface"
            : type.IsEnum ? "enum"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct")
            : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsAbstract ? "abstract class"
            : type.IsSealed ? "sealed class"
            : "class";
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        if (!type.IsEnum)
        {
            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        }
        return $"{kind} {Name(type, qualified: true)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var ctor in type.GetConstructors(flags | BindingFlags.NonPublic).Where(c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly))
        {
            yield return $"{Access(ctor)}ctor({Parameters(ctor)})";
        }

        foreach (var field in type.GetFields(flags))
        {
            yield return $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}field {Name(field.FieldType)} {field.Name}";
        }

        foreach (var property in type.GetProperties(flags))
        {
            var get = property.GetMethod is { IsPublic: true } ? "get; " : string.Empty;
            var set = property.SetMethod is { IsPublic: true } setter
                ? (setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? "init; " : "set; ")
                : string.Empty;
            var isStatic = (property.GetMethod ?? property.SetMethod)!.IsStatic ? "static " : string.Empty;
            var required = property.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : string.Empty;
            yield return $"{isStatic}{required}property {Name(property.PropertyType)} {property.Name} {{ {get}{set}}}";
        }

        foreach (var method in type.GetMethods(flags).Where(m => (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)) && !m.Name.StartsWith('<')))
        {
            var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
            var modifiers = (method.IsStatic ? "static " : string.Empty) + (method.IsAbstract && !type.IsInterface ? "abstract " : string.Empty)
                + (method.IsDefined(typeof(ExtensionAttribute)) ? "extension " : string.Empty);
            yield return $"{modifiers}method {Name(method.ReturnType)} {method.Name}{generic}({Parameters(method)})";
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
        {
            yield return "nested " + TypeHeader(nested);
        }
    }

    private static string Access(MethodBase method) => method.IsPublic ? string.Empty : "protected ";

    private static string Parameters(MethodBase method)
        => string.Join(", ", method.GetParameters().Select(p =>
            (p.ParameterType.IsByRef ? (p.IsOut ? "out " : "ref ") : string.Empty)
            + Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType)
            + " " + p.Name
            + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? (p.ParameterType.IsValueType ? "default" : "null")) : string.Empty)));

    private static string Name(Type type) => Name(type, qualified: false);

    private static string Name(Type type, bool qualified)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, qualified) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!, qualified) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = qualified ? type.FullName ?? type.Name : type.Name;
        if (!type.IsGenericType)
        {
            return name.Replace('+', '.');
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var arguments = type.GetGenericArguments().Select(a => Name(a, false));
        return (tick < 0 ? name : name[..tick]).Replace('+', '.') + "<" + string.Join(", ", arguments) + ">";
    }
}
