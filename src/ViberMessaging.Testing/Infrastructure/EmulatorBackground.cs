namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// Work an emulator runs beside its requests (status callbacks, scripted replies) until it stops: started here,
/// cancelled and awaited when the emulator is disposed, so nothing outlives it.
/// </summary>
internal sealed class EmulatorBackground
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];

    /// <summary>Cancelled when the emulator stops.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Runs <paramref name="work"/> until it ends or the emulator stops; a callback receiver that is down is not an error.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (HttpRequestException)
            {
            }
        });
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    /// <summary>Cancels the work and waits for it to end.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_running)
        {
            running = _running.ToArray();
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }
}
