namespace ViberMessaging.Samples.BulkCampaign;

/// <summary>What a campaign has done so far, updated by concurrent workers.</summary>
internal sealed class CampaignTally
{
    private readonly object _lock = new();
    private readonly List<MessageId> _messageIds = [];
    private readonly Dictionary<string, int> _rejectedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failedBy = new(StringComparer.Ordinal);

    public int Accepted { get; private set; }

    public int Rejected { get; private set; }

    public int Failed { get; private set; }

    /// <summary>Recipients of requests abandoned in flight after a stop: the provider may or may not have them.</summary>
    public int Interrupted { get; private set; }

    /// <summary>Requests that got an answer (or failed with one).</summary>
    public int Requests { get; private set; }

    /// <summary>Recipients with a known outcome: accepted, rejected or failed.</summary>
    public int Answered => Accepted + Rejected + Failed;

    /// <summary>What stopped the campaign early, when it was an error rather than the user.</summary>
    public string? StoppedBy { get; set; }

    public IReadOnlyList<MessageId> MessageIds
    {
        get
        {
            lock (_lock)
            {
                return _messageIds.ToArray();
            }
        }
    }

    public IReadOnlyDictionary<string, int> RejectedBy
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_rejectedBy);
            }
        }
    }

    public IReadOnlyDictionary<string, int> FailedBy
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_failedBy);
            }
        }
    }

    public void Add(SendResult result)
    {
        lock (_lock)
        {
            Requests++;
            foreach (var recipient in result.Recipients)
            {
                switch (recipient.Status)
                {
                    case RecipientStatus.Accepted:
                        Accepted++;
                        if (recipient.MessageId is { } id)
                        {
                            _messageIds.Add(id);
                        }

                        break;
                    case RecipientStatus.Rejected:
                        Rejected++;
                        Count(_rejectedBy, (recipient.Reason ?? DeliveryFailureReason.Other).ToString());
                        break;
                    default:
                        Failed++;
                        Count(_failedBy, (recipient.Error?.ErrorCode ?? ViberErrorCode.Unknown).ToString());
                        break;
                }
            }
        }
    }

    public void Fail(int recipients, ViberMessagingException error)
    {
        lock (_lock)
        {
            Requests++;
            Failed += recipients;
            Count(_failedBy, error.ErrorCode.ToString(), recipients);
        }
    }

    public void Interrupt(int recipients)
    {
        lock (_lock)
        {
            Interrupted += recipients;
        }
    }

    private static void Count(Dictionary<string, int> counts, string key, int by = 1)
        => counts[key] = counts.GetValueOrDefault(key) + by;
}
