namespace ViberMessaging.Cli.Tests.TestSupport;

/// <summary>Tests that change this process's environment variables or start child processes that inherit them: never in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
