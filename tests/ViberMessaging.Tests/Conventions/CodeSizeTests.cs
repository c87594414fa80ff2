using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ViberMessaging.Tests.Conventions;

/// <summary>
/// Sizes in src/ViberMessaging (issue 15's measure): a runtime function (method, constructor, accessor block, switch
/// expression body — a member whose body opens at member level) at most 60 lines from its signature to its closing
/// brace, a file at most 300 lines. Data tables (field initializers) are not functions. The test prints the largest of
/// each; the few still over are listed in <see cref="Over"/> with today's size, and may only shrink.
/// </summary>
public sealed partial class CodeSizeTests(ITestOutputHelper output)
{
    private const int MaxFunctionLines = 60;
    private const int MaxFileLines = 300;

    /// <summary>What may be over the limits, with the most lines each may have: nothing today; keep it that way.</summary>
    private static readonly Dictionary<string, int> Over = new(StringComparer.Ordinal);

    [Fact]
    public void RuntimeFunctionsAndFiles_StayWithinTheLimits()
    {
        var files = SourceFiles().ToArray();
        var functions = files.SelectMany(f => Functions(f.Path, f.Lines)).OrderByDescending(f => f.Lines).ToArray();
        var bySize = files.OrderByDescending(f => f.Lines.Length).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"largest function: {functions[0].Lines} lines ({functions[0].Name}, line {functions[0].Line}); largest file: {bySize[0].Lines.Length} lines ({bySize[0].Path})"));
        foreach (var function in functions.Take(8))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  function {function.Lines,4}  {function.Name} (line {function.Line})"));
        }

        foreach (var file in bySize.Take(8))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  file     {file.Lines.Length,4}  {file.Path}"));
        }

        var offenders = functions.Select(f => (f.Name, f.Lines, Max: MaxFunctionLines))
            .Concat(files.Select(f => (Name: f.Path, Lines: f.Lines.Length, Max: MaxFileLines)))
            .Where(f => f.Lines > (Over.TryGetValue(f.Name, out var allowed) ? allowed : f.Max))
            .Select(f => $"{f.Name}: {f.Lines} lines")
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Functions_CountsFromSignatureToClosingBraceAndSkipsTables()
    {
        string[] lines =
        [
            "namespace N;",
            "internal static class C",
            "{",
            "    private static readonly int[] Table =",
            "    [",
            "        1,",
            "    ];",
            "",
            "    public static int Add(",
            "        int a,",
            "        int b)",
            "    {",
            "        return a + b;",
            "    }",
            "",
            "    public static string Name(int i) => i switch",
            "    {",
            "        _ => \"x\",",
            "    };",
            "}",
        ];

        var found = Functions("C.cs", lines).ToArray();

        Assert.Equal([("C.cs Add", 9, 6), ("C.cs Name", 16, 4)], found.Select(f => (f.Name, f.Line, f.Lines)));
    }

    private static IEnumerable<(string Path, string[] Lines)> SourceFiles()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "ViberMessaging");
        var sep = Path.DirectorySeparatorChar;
        return Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace(sep, '/'), File.ReadAllLines(f)));
    }

    /// <summary>
    /// Members whose body opens with <c>{</c> on its own line at member indentation (4, or 8 in a nested type): from the
    /// first line of the signature to the <c>}</c> (or <c>};</c>) at the same indentation.
    /// </summary>
    private static IEnumerable<(string Name, int Line, int Lines)> Functions(string path, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = Indent(lines[i]);
            if (lines[i].Trim() != "{" || indent is not (4 or 8))
            {
                continue;
            }

            var start = i - 1;
            while (start >= 0 && (lines[start].Trim().Length == 0 || Indent(lines[start]) > indent
                || lines[start].TrimStart().StartsWith(')') || lines[start].TrimStart().StartsWith("where ", StringComparison.Ordinal)))
            {
                start--;
            }

            var signature = start >= 0 ? lines[start].Trim() : string.Empty;
            var head = signature.Split('(')[0];
            var name = Name(signature);
            if (start < 0 || TypeDeclaration().IsMatch(head) || signature.StartsWith("//", StringComparison.Ordinal)
                || signature.StartsWith('[') || signature.EndsWith("=>", StringComparison.Ordinal) || Statement().IsMatch(signature)
                || Initializer().IsMatch(signature.Split("=>")[0]))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Length && !(lines[end].Trim() is "}" or "};" && Indent(lines[end]) == indent))
            {
                end++;
            }

            yield return ($"{path} {name}", start + 1, end - start + 1);
        }
    }

    /// <summary>The member's name: the identifier before its parameter list or type parameters (<c>Add&lt;[…] T&gt;(</c> → <c>Add</c>).</summary>
    private static string Name(string signature)
    {
        var match = MemberName().Match(signature);
        return match.Success ? match.Groups[1].Value : signature;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    [GeneratedRegex(@"\b(class|record|struct|interface|enum|namespace)\b")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"([A-Za-z_]\w*)\s*(?:<.*?>)?\s*(?:\(|$)")]
    private static partial Regex MemberName();

    /// <summary>A statement block inside a method (its method is the function).</summary>
    [GeneratedRegex(@"^(if|else|for|foreach|while|switch|try|catch|finally|using|lock|do|return|var|await|yield|checked|unchecked|fixed|unsafe|case|default)\b")]
    private static partial Regex Statement();

    /// <summary>A field or property initializer (<c>= new …</c>, <c>= [</c>): data, not a function.</summary>
    [GeneratedRegex(@"(^|[^=!<>])=($|[^=>])")]
    private static partial Regex Initializer();
}
