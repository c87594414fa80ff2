namespace ViberMessaging.Tests.Conventions;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the folder that holds ViberMessaging.sln, found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

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
