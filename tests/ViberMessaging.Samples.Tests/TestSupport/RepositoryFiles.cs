namespace ViberMessaging.Samples.Tests.TestSupport;

/// <summary>Files of the repository the tests run from: the folder holding ViberMessaging.sln, found upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath)).ReplaceLineEndings("\n");

    /// <summary>The lines between <c>#region name</c> and the next <c>#endregion</c>, without their common indentation.</summary>
    public static string Region(string relativePath, string name)
    {
        var lines = Read(relativePath).Split('\n');
        var start = Array.FindIndex(lines, line => line.Trim() == "#region " + name);
        Assert.True(start >= 0, $"{relativePath} has no '#region {name}'.");
        var end = Array.FindIndex(lines, start + 1, line => line.Trim() == "#endregion");
        Assert.True(end > start, $"{relativePath}: '#region {name}' is not closed.");
        var body = lines[(start + 1)..end];
        var indent = body.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
        return string.Join('\n', body.Select(line => line.Length >= indent ? line[indent..].TrimEnd() : line.TrimEnd())).Trim('\n');
    }

    /// <summary>The body of the first fenced code block after the HTML comment starting with <c>&lt;!-- marker</c>.</summary>
    public static string CodeBlockAfter(string markdown, string marker)
    {
        var at = markdown.IndexOf("<!-- " + marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"README has no '<!-- {marker}' marker.");
        var open = markdown.IndexOf("```", at, StringComparison.Ordinal);
        var bodyStart = markdown.IndexOf('\n', open) + 1;
        var close = markdown.IndexOf("\n```", bodyStart, StringComparison.Ordinal);
        return string.Join('\n', markdown[bodyStart..close].Split('\n').Select(line => line.TrimEnd())).Trim('\n');
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ViberMessaging.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ViberMessaging.sln not found above " + AppContext.BaseDirectory);
    }
}
