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
    /// The sustained rate as a share of <paramref name="permits"/> per <paramref name="window"/>, from how fast the
    /// window's slots are reused: the mean time from each admitted arrival in [from, to) to the
    /// <paramref name="permits"/>-th admitted arrival after it. A strict window never lets that be shorter than the
    /// window, so 100 % is the physical limit; a count per fixed span would instead round by whole bursts.
    /// </summary>
    public double? SustainedShare(int permits, TimeSpan window, long from, long to)
    {
        var admitted = new List<long>();
        for (var i = 0; i < Ticks.Length; i++)
        {
            if (Ticks[i] >= from && Ticks[i] < to && Statuses[i] != 429)
            {
                admitted.Add(Ticks[i]);
            }
        }

        if (admitted.Count <= permits)
        {
            return null;
        }

        double sum = 0;
        for (var i = 0; i + permits < admitted.Count; i++)
        {
            sum += admitted[i + permits] - admitted[i];
        }

        return window.Ticks / (sum / (admitted.Count - permits));
    }

    /// <summary>
    /// The first admitted arrival at or after <paramref name="from"/> from which the next <paramref name="span"/>
    /// runs at <paramref name="share"/> of the limit or more (<see cref="SustainedShare"/>).
    /// </summary>
    public long? ReachedShare(long from, TimeSpan span, int permits, TimeSpan window, double share)
    {
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

            if (SustainedShare(permits, window, Ticks[i], Ticks[i] + span.Ticks) >= share)
            {
                return Ticks[i];
            }
        }

        return null;
    }
}
