using ViberMessaging.Pacing;

namespace ViberMessaging.Tests.Pacing;

/// <summary>
/// The adapter on its own, over a <see cref="DepartureTracker"/> fed by hand: times are plain timestamps in
/// milliseconds, the window 1000, the configured limit 9, the margin 10, RecoveryPeriod 15 s.
/// </summary>
public sealed class RateAdapterTests
{
    private long _sequence;

    [Fact]
    public void WeighWhenAnswered_TwoRefusedTogetherAfterSevenAdmitted_LowersTheLimitToSeven()
    {
        var (sut, departures) = CreateSut();

        Window(sut, departures, start: 0, admitted: 7, refused: 2);

        Assert.Equal((7, 10L), (sut.Limit, sut.Margin));
    }

    [Fact]
    public void WeighWhenAnswered_NeighboursStillInFlight_WaitsForTheirAnswers()
    {
        var (sut, departures) = CreateSut();
        var sequences = Enumerable.Range(0, 9).Select(i => Depart(departures, i * 100)).ToArray();
        Answer(sut, departures, sequences[..7], at: 850);
        Refuse(sut, departures, sequences[7], granted: 700, at: 900);

        Assert.Equal(9, sut.Limit);
        Refuse(sut, departures, sequences[8], granted: 800, at: 901);
        Assert.Equal(7, sut.Limit);
    }

    [Fact]
    public void WeighWhenAnswered_OneRefusalBelowOurLimit_IsOnlyASuspicionUntilTheSameCountRepeats()
    {
        var (sut, departures) = CreateSut();

        Window(sut, departures, start: 0, admitted: 7, refused: 1);
        Assert.Equal(9, sut.Limit);
        Window(sut, departures, start: 3000, admitted: 7, refused: 1);

        Assert.Equal(7, sut.Limit);
    }

    [Fact]
    public void OnAdmitted_AFullWindowAfterASuspicion_ForgetsIt()
    {
        var (sut, departures) = CreateSut();
        Window(sut, departures, start: 0, admitted: 7, refused: 1);

        Window(sut, departures, start: 3000, admitted: 9, refused: 0);
        Window(sut, departures, start: 6000, admitted: 7, refused: 1);

        Assert.Equal(9, sut.Limit);
    }

    [Fact]
    public void WeighWhenAnswered_RefusedAtOurOwnLimit_WidensTheMarginAndNarrowsItAgainWhenQuiet()
    {
        var (sut, departures) = CreateSut();

        Window(sut, departures, start: 0, admitted: 8, refused: 1);
        Assert.Equal((9, 15L), (sut.Limit, sut.Margin));

        sut.RecoverIfQuiet(20_000);
        Assert.Equal(10L, sut.Margin);
    }

    [Fact]
    public void WeighWhenAnswered_AdaptationOff_ChangesNothing()
    {
        var (sut, departures) = CreateSut(adapt: false);

        Window(sut, departures, start: 0, admitted: 7, refused: 2);
        Window(sut, departures, start: 3000, admitted: 0, refused: 1);

        Assert.Equal((9, 10L), (sut.Limit, sut.Margin));
    }

    [Fact]
    public void RecoverIfQuiet_RaisedStepRefusedAgain_GoesBackAndWaitsTwiceAsLong()
    {
        var (sut, departures) = CreateSut();
        Window(sut, departures, start: 0, admitted: 7, refused: 2);

        sut.RecoverIfQuiet(16_000);
        Assert.Equal(8, sut.Limit);
        Window(sut, departures, start: 17_000, admitted: 7, refused: 1);
        Assert.Equal(7, sut.Limit);

        // Refused at 17.807 s: the next try waits 30 s, and holds for as long before the step after it.
        sut.RecoverIfQuiet(17_807 + 16_000);
        Assert.Equal(7, sut.Limit);
        sut.RecoverIfQuiet(17_807 + 30_000);
        Assert.Equal(8, sut.Limit);
        sut.RecoverIfQuiet(17_807 + 45_000);
        Assert.Equal(8, sut.Limit);
        sut.RecoverIfQuiet(17_807 + 60_000);
        Assert.Equal(9, sut.Limit);
    }

    private static (RateAdapter Sut, DepartureTracker Departures) CreateSut(bool adapt = true)
    {
        var options = new PacingOptions { AdaptToRateLimits = adapt, RecoveryPeriod = TimeSpan.FromSeconds(15) };
        var departures = new DepartureTracker(options.PermitLimit, 1000);
        return (new RateAdapter(options, departures, span => (long)span.TotalMilliseconds, now: 0), departures);
    }

    /// <summary>Requests 100 ms apart from <paramref name="start"/>: the first ones admitted, the rest refused, all answered.</summary>
    private void Window(RateAdapter sut, DepartureTracker departures, long start, int admitted, int refused)
    {
        var sequences = Enumerable.Range(0, admitted + refused).Select(i => Depart(departures, start + (i * 100))).ToArray();
        var end = start + ((admitted + refused) * 100);
        Answer(sut, departures, sequences[..admitted], at: end);
        for (var i = admitted; i < sequences.Length; i++)
        {
            Refuse(sut, departures, sequences[i], granted: start + (i * 100), at: end + i);
        }
    }

    private long Depart(DepartureTracker departures, long at)
    {
        var sequence = ++_sequence;
        departures.Granted(sequence, at);
        departures.Sent(sequence, at);
        return sequence;
    }

    private static void Answer(RateAdapter sut, DepartureTracker departures, long[] sequences, long at)
    {
        foreach (var sequence in sequences)
        {
            if (departures.Complete(sequence, at, admitted: true, out var departure) && departure is { } d)
            {
                sut.OnAdmitted(d);
            }

            sut.WeighWhenAnswered(at);
        }
    }

    private static void Refuse(RateAdapter sut, DepartureTracker departures, long sequence, long granted, long at)
    {
        departures.Complete(sequence, at, admitted: false, out _);
        sut.OnRefused(sequence, granted, departures.ReportedDepartureOf(sequence), at);
        sut.OnRateLimited(at);
        sut.WeighWhenAnswered(at);
    }
}
