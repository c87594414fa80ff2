using ViberMessaging.Pacing;

namespace ViberMessaging.Tests.Pacing;

/// <summary>Times here are plain timestamps in milliseconds; the window is 1000.</summary>
public sealed class DepartureTrackerTests
{
    private const long Window = 1000;

    [Fact]
    public void KthNewestDeparture_FewerRequestsThanK_IsNull()
    {
        var sut = CreateSut();
        Depart(sut, 1, at: 0);

        Assert.Null(sut.KthNewestDeparture(now: 10, k: 2));
    }

    [Fact]
    public void KthNewestDeparture_RequestNotYetWritten_CountsAsDepartingNow()
    {
        var sut = CreateSut();
        sut.Granted(1, now: 0);
        sut.Granted(2, now: 10);

        Assert.Equal(500, sut.KthNewestDeparture(now: 500, k: 2));
        Assert.True(sut.Sent(1, now: 20));
        Assert.Equal(20, sut.KthNewestDeparture(now: 500, k: 2));
    }

    [Fact]
    public void Sent_ReportedTwiceOrNotInFlight_ReturnsFalseAndKeepsTheFirstStamp()
    {
        var sut = CreateSut();
        sut.Granted(1, now: 0);

        Assert.True(sut.Sent(1, now: 5));
        Assert.False(sut.Sent(1, now: 50));
        Assert.False(sut.Sent(2, now: 50));
        Assert.Equal(5, sut.DepartureOf(1, granted: 0));
    }

    [Fact]
    public void Complete_WithoutDepartureReport_PlacesTheRequestAtItsAnswer()
    {
        var sut = CreateSut();
        sut.Granted(1, now: 0);

        Assert.True(sut.Complete(1, now: 300, admitted: true, out var departure));

        Assert.Equal(300, departure);
        Assert.Equal((300L, 300L), (sut.DepartureOf(1, granted: 0), sut.ReportedDepartureOf(1)));
    }

    [Fact]
    public void Complete_AnswerLaterThanTheFastestRoundTrip_MovesTheDepartureLaterNeverEarlier()
    {
        var sut = CreateSut();
        for (var i = 1; i <= 8; i++)
        {
            Depart(sut, i, at: i * 100);
            sut.Complete(i, now: (i * 100) + 2, admitted: true, out _);
        }

        Depart(sut, 9, at: 2000);
        Depart(sut, 10, at: 2000);
        sut.Complete(9, now: 2100, admitted: true, out _);
        sut.Complete(10, now: 2001, admitted: true, out _);

        Assert.Equal((2098L, 2000L), (sut.DepartureOf(9, granted: 2000), sut.DepartureOf(10, granted: 2000)));
    }

    [Fact]
    public void Complete_Twice_ReturnsFalseTheSecondTime()
    {
        var sut = CreateSut();
        Depart(sut, 1, at: 0);

        Assert.True(sut.Complete(1, now: 2, admitted: true, out _));
        Assert.False(sut.Complete(1, now: 3, admitted: true, out var granted));
        Assert.Null(granted);
    }

    [Fact]
    public void AdmittedInAWindowEndingAt_LateAnswers_CountByTheReportedDepartureNotTheOneMovedLater()
    {
        var sut = CreateSut();
        long sequence = 0;
        for (var i = 0; i < 8; i++)
        {
            Depart(sut, ++sequence, at: i * 10);
            sut.Complete(sequence, now: (i * 10) + 2, admitted: true, out _);
        }

        // Two rounds of nine, 1010 ms apart; the first answered 300 ms late, so its departures move to 2298–2306, inside
        // the window of the second. The provider admitted nine per window, not eighteen.
        Round(2000, answerAfter: 300);
        Round(3010, answerAfter: 2);

        Assert.Equal((2298L, 2000L), (sut.DepartureOf(9, granted: 2000), sut.ReportedDepartureOf(9)));
        Assert.Equal(9, sut.AdmittedInAWindowEndingAt(3018));

        void Round(long start, long answerAfter)
        {
            for (var i = 0; i < 9; i++)
            {
                Depart(sut, ++sequence, at: start + i);
                sut.Complete(sequence, now: start + i + answerAfter, admitted: true, out _);
            }
        }
    }

    [Fact]
    public void AdmittedInAWindowEndingAt_CountsOnlyAdmittedRequestsInThatWindow()
    {
        var sut = CreateSut();
        for (var i = 1; i <= 5; i++)
        {
            Depart(sut, i, at: i * 300);
            sut.Complete(i, now: (i * 300) + 2, admitted: i != 4, out _);
        }

        // Departures 300 600 900 1200 1500; the one at 1200 was refused. (500, 1500] holds 600, 900 and 1500 admitted.
        Assert.Equal(3, sut.AdmittedInAWindowEndingAt(1500));
        Assert.Equal(0, sut.AdmittedInAWindowEndingAt(299));
    }

    [Fact]
    public void ReportedDepartureOf_RefusedAndAdmitted_IsWhenEachWroteItsBody()
    {
        var sut = CreateSut();
        Depart(sut, 1, at: 100);
        Depart(sut, 2, at: 200);
        sut.Complete(1, now: 150, admitted: false, out var refused);
        sut.Complete(2, now: 250, admitted: true, out var admitted);

        Assert.Equal((100L, 200L), (sut.ReportedDepartureOf(1), sut.ReportedDepartureOf(2)));
        Assert.Equal(((long?)null, (long?)200), (refused, admitted));
        Assert.Equal(0, sut.ReportedDepartureOf(3));
    }

    [Fact]
    public void MostAdmittedInAWindowAfter_FindsTheFullestWindowEndingAfterTheInstant()
    {
        var sut = CreateSut();
        long[] stamps = [0, 100, 200, 1150, 1200, 1250, 1300];
        for (var i = 0; i < stamps.Length; i++)
        {
            Depart(sut, i + 1, at: stamps[i]);
            sut.Complete(i + 1, now: stamps[i] + 1, admitted: true, out _);
        }

        // Of the windows ending after 150, (300, 1300] holds the most: four. The one ending at 200 holds three.
        Assert.Equal(4, sut.MostAdmittedInAWindowAfter(150));
        Assert.Equal(0, sut.MostAdmittedInAWindowAfter(1300));
    }

    [Fact]
    public void AnyInFlightGrantedBy_TrueUntilEveryRequestGrantedByThenIsAnswered()
    {
        var sut = CreateSut();
        Depart(sut, 1, at: 0);
        Depart(sut, 2, at: 50);

        Assert.True(sut.AnyInFlightGrantedBy(10));
        sut.Complete(1, now: 60, admitted: false, out _);
        Assert.False(sut.AnyInFlightGrantedBy(10));
        Assert.True(sut.AnyInFlightGrantedBy(50));
    }

    private static DepartureTracker CreateSut() => new(limit: 9, Window);

    private static void Depart(DepartureTracker tracker, long sequence, long at)
    {
        tracker.Granted(sequence, at);
        tracker.Sent(sequence, at);
    }
}
