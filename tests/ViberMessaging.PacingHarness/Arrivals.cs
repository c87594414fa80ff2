namespace ViberMessaging.PacingHarness;

/// <summary>Arrival times (UTC ticks, emulator clock) and the status answered to each, oldest first.</summary>
internal sealed class Arrivals
{
    public Arrivals(long[] ticks, int[] statuses)
    {
        var order = Enumerable.Range(0, ticks.Length).OrderBy(i => ticks[i]).ToArray();
        Ticks = order.Select(i => ticks[i]).ToArray();
        Statuses = order.Select(i => statuses[i]).ToArray();
    }

    public long[] Ticks { get; }

    public int[] Statuses { get; }

    public int Count => Ticks.Length;

    public long First => Ticks.Length > 0 ? Ticks[0] : 0;

    public long Last => Ticks.Length > 0 ? Ticks[^1] : 0;

    /// <summary>Requests the window admitted (anything but a 429) in [from, from + duration).</summary>
    public int AdmittedIn(long from, TimeSpan duration)
    {
        var to = from + duration.Ticks;
        var count = 0;
        for (var i = 0; i < Ticks.Length; i++)
        {
            if (Ticks[i] >= from && Ticks[i] < to && Statuses[i] != 429)
            {
                count++;
            }
        }

        return count;
    }

    public int RejectedAfter(long from)
    {
        var count = 0;
        for (var i = 0; i < Ticks.Length; i++)
        {
            if (Ticks[i] >= from && Statuses[i] == 429)
            {
                count++;
            }
        }

        return count;
    }

    public long? FirstRejectedAfter(long from)
    {
        for (var i = 0; i < Ticks.Length; i++)
        {
            if (Ticks[i] >= from && Statuses[i] == 429)
            {
                return Ticks[i];
            }
        }

        return null;
    }

    /// <summary>The most arrivals (admitted or not) within any window of the given length: what a strict server counts.</summary>
    public int MaxInAnyWindow(TimeSpan window)
    {
        var max = 0;
        var j = 0;
        for (var i = 0; i < Ticks.Length; i++)
        {
            if (j < i)
            {
                j = i;
            }

            while (j + 1 < Ticks.Length && Ticks[j + 1] - Ticks[i] < window.Ticks)
            {
                j++;
            }

            max = Math.Max(max, j - i + 1);
        }

        return max;
    }

    /// <summary>
    /// The first moment, at or after <paramref name="from"/>, by which a full <paramref name="span"/> of admitted
    /// requests reached <paramref name="share"/> of <paramref name="perSecond"/>: the end of the first such span.
    /// </summary>
    public long? ReachedRate(long from, TimeSpan span, double perSecond, double share)
    {
        var needed = (int)Math.Ceiling(share * perSecond * span.TotalSeconds);
        for (var i = 0; i < Ticks.Length; i++)
        {
            if (Ticks[i] < from || Statuses[i] == 429)
            {
                continue;
            }

            if (Ticks[i] + span.Ticks > Last)
            {
                return null;
            }

            if (AdmittedIn(Ticks[i], span) >= needed)
            {
                return Ticks[i] + span.Ticks;
            }
        }

        return null;
    }
}
