namespace ViberMessaging.Campaigns;

/// <summary>One run's counts and clock.</summary>
internal sealed partial class CampaignRunner
{
    /// <summary>One run's counts.</summary>
    private sealed class Run(CampaignDefinition campaign, TimeProvider time)
    {
        private readonly long _started = time.GetTimestamp();
        private readonly Dictionary<ViberErrorCode, long> _notSent = [];

        public CampaignDefinition Campaign { get; } = campaign;

        public long AlreadyDone { get; set; }

        public long Unknown { get; set; }

        public long Resent { get; set; }

        private long Sent { get; set; }

        private long Accepted { get; set; }

        private long Rejected { get; set; }

        public void Count(List<CampaignJournalEntry> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                Sent++;
                switch (outcome.State)
                {
                    case CampaignRecipientState.Accepted: Accepted++; break;
                    case CampaignRecipientState.Rejected: Rejected++; break;
                    case CampaignRecipientState.Unknown: Unknown++; break;
                    default:
                        var code = Enum.TryParse<ViberErrorCode>(outcome.Detail?.Split(':')[0], out var parsed) ? parsed : ViberErrorCode.Unknown;
                        _notSent[code] = _notSent.GetValueOrDefault(code) + 1;
                        break;
                }
            }
        }

        public CampaignProgress Snapshot()
        {
            var elapsed = time.GetElapsedTime(_started);
            var remaining = Campaign.ExpectedRecipients is { } expected && Sent > 0
                ? TimeSpan.FromSeconds(Math.Max(0, expected - Sent - AlreadyDone) * elapsed.TotalSeconds / Sent)
                : (TimeSpan?)null;
            return new CampaignProgress
            {
                Sent = Sent,
                Accepted = Accepted,
                Rejected = Rejected,
                NotSent = new Dictionary<ViberErrorCode, long>(_notSent),
                Unknown = Unknown,
                AlreadyDone = AlreadyDone,
                Resent = Resent,
                Elapsed = elapsed,
                EstimatedRemaining = remaining,
            };
        }
    }
}
