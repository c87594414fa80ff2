namespace ViberMessaging.Testing.Infrastructure;

/// <summary>
/// Scripted answers that each strike the next <c>count</c> requests whose path contains a text (or any request):
/// injected faults, and a provider's injected request-level refusals. The oldest matching entry strikes first.
/// </summary>
/// <typeparam name="T">What strikes.</typeparam>
internal sealed class StrikeQueue<T>
    where T : class
{
    private readonly List<(T Item, int Remaining, string? PathContains)> _entries = [];

    public void Add(T item, int count, string? pathContains)
    {
        lock (_entries)
        {
            _entries.Add((item, count, pathContains));
        }
    }

    /// <summary>The entry that strikes a request to <paramref name="path"/>, counted down; <see langword="null"/> when none does.</summary>
    public T? Take(string path)
    {
        lock (_entries)
        {
            var index = _entries.FindIndex(e => e.PathContains is null || path.Contains(e.PathContains, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var (item, remaining, filter) = _entries[index];
            if (remaining <= 1)
            {
                _entries.RemoveAt(index);
            }
            else
            {
                _entries[index] = (item, remaining - 1, filter);
            }

            return item;
        }
    }
}
