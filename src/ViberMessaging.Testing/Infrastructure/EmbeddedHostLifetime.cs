using Microsoft.Extensions.Hosting;

namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// The emulator lives inside someone else's process (a test run, a console app): it must not take over Ctrl+C or
/// SIGTERM the way ASP.NET Core's console lifetime does. It starts and stops only when told to.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
