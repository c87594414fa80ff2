namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// One endpoint of an emulated provider: its method and path below the provider's prefix, and what it answers to a
/// request the provider has already admitted (authenticated, and past the provider's own preconditions).
/// </summary>
/// <param name="method">The HTTP method, for example <c>POST</c>.</param>
/// <param name="path">The path below the provider's prefix, for example <c>/vibers/send</c>.</param>
internal abstract class EmulatorEndpoint(string method, string path)
{
    public string Method { get; } = method;

    public string Path { get; } = path;

    public abstract Task HandleAsync(EmulatorCall call);
}
