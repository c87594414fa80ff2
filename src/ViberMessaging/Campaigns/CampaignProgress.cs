namespace ViberMessaging.Campaigns;

/// <summary>A campaign's counts so far, reported after each send (and once at the end as <see cref="CampaignSummary"/>).</summary>
public sealed class CampaignProgress
{
    /// <summary>Recipients sent in this run (each counted once, whatever its outcome).</summary>
    public long Sent { get; init; }

    /// <summary>Recipients the provider accepted in this run.</summary>
    public long Accepted { get; init; }

    /// <summary>Recipients the provider rejected in this run.</summary>
    public long Rejected { get; init; }

    /// <summary>Recipients provably not sent in this run, by <see cref="ViberErrorCode"/> (sent again on resume).</summary>
    public IReadOnlyDictionary<ViberErrorCode, long> NotSent { get; init; } = new Dictionary<ViberErrorCode, long>();

    /// <summary>Recipients that may have been sent, in this run or in flight when an earlier run stopped: never sent again automatically.</summary>
    public long Unknown { get; init; }

    /// <summary>
    /// Recipients an earlier run had left <see cref="CampaignRecipientState.Unknown"/> and this run sent again, because
    /// <see cref="CampaignDefinition.ResendUnknown"/> is on (also counted in <see cref="Sent"/> and their outcome).
    /// </summary>
    public long Resent { get; init; }

    /// <summary>Recipients skipped because the journal already had their outcome (an earlier run, or a duplicate in the input).</summary>
    public long AlreadyDone { get; init; }

    /// <summary>Time since this run started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Recipients sent per second in this run.</summary>
    public double RecipientsPerSecond => Elapsed > TimeSpan.Zero ? Sent / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the current rate, when <see cref="CampaignDefinition.ExpectedRecipients"/> is set.</summary>
    public TimeSpan? EstimatedRemaining { get; init; }

    /// <summary>Returns the counts in one line.</summary>
    /// <returns>A summary.</returns>
    public override string ToString()
        => $"{Sent} sent, {Accepted} accepted, {Rejected} rejected, {NotSent?.Values.Sum() ?? 0} not sent, {Unknown} unknown, {AlreadyDone} already done{(Resent > 0 ? $", {Resent} unknown re-sent" : string.Empty)}";
}
