using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Internal;
using ViberMessaging.Resilience;
using ViberMessaging.Telemetry;

namespace ViberMessaging.Routing;

/// <summary>
/// A router registered with <c>AddRouter</c>: splits a message's recipients by route, checks each part against its
/// candidate providers before anything is sent, sends each part through the first that can carry it, fails over
/// only where <see cref="RouterFailoverRules"/> allows, and merges one <see cref="SendResult"/> in recipient order.
/// Status queries go to the provider named in each id: the one that accepted the message.
/// </summary>
internal sealed class RouterViberClient : IViberSender, IStatusQuery
{
    private readonly RouterTable _table;
    private readonly Dictionary<string, IViberSender> _senders;
    private readonly IServiceProvider _services;

    public RouterViberClient(string name, ViberRouterOptions options, IServiceProvider services)
    {
        ProviderName = name;
        _services = services;
        _table = new RouterTable(options);
        _senders = _table.Providers.ToDictionary(p => p, p => services.GetRequiredKeyedService<IViberSender>(p), StringComparer.OrdinalIgnoreCase);
    }

    public string ProviderName { get; }

    /// <summary>The first candidate's capabilities; each part of a message is checked against its own candidates.</summary>
    public ProviderCapabilities Capabilities => _senders[_table.Providers[0]].Capabilities;

    public async Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = Plan(message);
        var results = new RecipientResult[message.Recipients.Count];
        var batchIds = new List<string>();
        var answers = new List<object?>();
        await Task.WhenAll(parts.Select(part => SendPartAsync(message, part, results, (batchIds, answers), cancellationToken))).ConfigureAwait(false);

        // Each provider request's own answer stays reachable: one request's as it is, several as a list (completion order).
        var result = new SendResult(ProviderName, results, batchIds) { RawRepresentation = answers.Count == 1 ? answers[0] : answers };
        if (result.FailedCount == results.Length)
        {
            ThrowIfCancelled(result, cancellationToken);
            var first = results[0].Error!;
            if (results.All(r => ReferenceEquals(r.Error, first)))
            {
                throw first;
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var ids = messageIds.ToArray();
        var byProvider = ids.Select((id, index) => (id, index)).GroupBy(x => x.id.Provider, StringComparer.OrdinalIgnoreCase).ToArray();
        var foreign = byProvider.Where(g => !_senders.ContainsKey(g.Key)).SelectMany(g => g)
            .Select(x => new ValidationError($"messageIds[{x.index}]", "ProviderNotRouted", $"'{x.id}' was not sent by a provider of router '{ProviderName}' ({string.Join(", ", _senders.Keys)})."))
            .ToArray();
        if (foreign.Length > 0)
        {
            throw new ViberValidationException(foreign);
        }

        var reports = new DeliveryReport[ids.Length];
        await Task.WhenAll(byProvider.Select(async group =>
        {
            var query = _services.GetRequiredKeyedService<IStatusQuery>(group.Key);
            var answered = await query.GetStatusesAsync(group.Select(x => x.id), cancellationToken).ConfigureAwait(false);
            var i = 0;
            foreach (var (_, index) in group)
            {
                reports[index] = answered[i++];
            }
        })).ConfigureAwait(false);
        return reports;
    }

    /// <summary>
    /// Splits the recipients by route and keeps, per part, the candidates that can carry it; when a recipient has no
    /// route or a part no candidate, throws one <see cref="ViberValidationException"/> listing why, per provider,
    /// before anything is sent.
    /// </summary>
    private List<Part> Plan(ViberMessage message)
    {
        var errors = new List<ValidationError>();
        var byRoute = new Dictionary<string[], List<int>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < message.Recipients.Count; i++)
        {
            var recipient = message.Recipients[i];
            if (recipient is null || _table.Find(recipient) is not { } candidates)
            {
                errors.Add(new ValidationError(
                    $"Recipients[{i}]",
                    "NoRoute",
                    recipient is null ? "A recipient is missing." : $"{recipient} matches no route of router '{ProviderName}', and it has no Otherwise provider."));
                continue;
            }

            if (!byRoute.TryGetValue(candidates, out var indexes))
            {
                byRoute[candidates] = indexes = [];
            }

            indexes.Add(i);
        }

        var parts = new List<Part>(byRoute.Count);
        foreach (var (candidates, indexes) in byRoute)
        {
            var part = message.WithRecipients(indexes.Select(i => message.Recipients[i]).ToArray());
            var capable = new List<string>(candidates.Length);
            var skipped = new List<RouteAttempt>();
            foreach (var candidate in candidates)
            {
                try
                {
                    (_senders[candidate] as IViberMessageCheck)?.Check(part);
                    capable.Add(candidate);
                }
                catch (ViberValidationException e)
                {
                    skipped.Add(new RouteAttempt { ProviderName = candidate, Kind = RouteAttemptKind.Skipped, Error = e });
                }
            }

            if (capable.Count == 0)
            {
                errors.AddRange(skipped.SelectMany(s => ((ViberValidationException)s.Error!).Errors.Select(e => e with { Message = $"{s.ProviderName}: {e.Message}" })));
            }

            parts.Add(new Part(indexes.ToArray(), capable, skipped));
        }

        if (message.Recipients.Count == 0)
        {
            errors.Add(new ValidationError("Recipients", "Required", "At least one recipient is required."));
        }

        return errors.Count > 0 ? throw new ViberValidationException(errors) : parts;
    }

    /// <summary>Sends one route's recipients through its candidates in turn, failing over only what may go elsewhere.</summary>
    private async Task SendPartAsync(ViberMessage message, Part part, RecipientResult[] results, (List<string> BatchIds, List<object?> Answers) collected, CancellationToken cancellationToken)
    {
        var route = part.Indexes.ToDictionary(i => i, _ => new List<RouteAttempt>(part.Skipped));
        var pending = part.Indexes;
        for (var c = 0; c < part.Capable.Count && pending.Length > 0; c++)
        {
            var provider = part.Capable[c];
            var isLast = c == part.Capable.Count - 1;
            var sent = await SendThroughAsync(provider, message.WithRecipients(pending.Select(i => message.Recipients[i]).ToArray()), cancellationToken).ConfigureAwait(false);
            if (sent.Skipped is { } skipped)
            {
                // A sender that checks only when it sends (not one of the SDK's): nothing was sent there.
                foreach (var index in pending)
                {
                    route[index].Add(new RouteAttempt { ProviderName = provider, Kind = RouteAttemptKind.Skipped, Error = skipped });
                    results[index] = Failed(message.Recipients[index], skipped, route[index]);
                }

                continue;
            }

            lock (collected.BatchIds)
            {
                collected.BatchIds.AddRange(sent.Result!.BatchIds);
                collected.Answers.Add(sent.Result.RawRepresentation);
            }

            var next = new List<int>();
            for (var j = 0; j < pending.Length; j++)
            {
                var index = pending[j];
                var recipient = sent.Result!.Recipients[j];
                if (!isLast && !cancellationToken.IsCancellationRequested && RouterFailoverRules.MayFailOver(recipient))
                {
                    route[index].Add(new RouteAttempt { ProviderName = provider, Kind = RouteAttemptKind.FailedOver, Error = recipient.Error });
                    next.Add(index);
                    continue;
                }

                route[index].Add(new RouteAttempt { ProviderName = provider, Kind = RouteAttemptKind.Final });
                results[index] = WithRoute(recipient, route[index]);
            }

            foreach (var reason in next.GroupBy(i => route[i][^1].Error?.ErrorCode.ToString() ?? nameof(ViberErrorCode.Unknown), StringComparer.Ordinal))
            {
                ViberMessagingInstruments.RecordFailovers(ProviderName, provider, part.Capable[c + 1], reason.Key, reason.Count());
            }

            pending = [.. next];
        }
    }

    /// <summary>One provider's answer for a part: its result (a thrown error or cancellation made per-recipient), or the validation error that skips it.</summary>
    private async Task<(SendResult? Result, ViberValidationException? Skipped)> SendThroughAsync(string provider, ViberMessage part, CancellationToken cancellationToken)
    {
        try
        {
            return (await _senders[provider].SendAsync(part, cancellationToken).ConfigureAwait(false), null);
        }
        catch (ViberValidationException e)
        {
            return (null, e);
        }
        catch (ViberMessagingException e)
        {
            return (AllFailed(provider, part, e), null);
        }
        catch (SendCanceledException e) when (e.Result is not null)
        {
            return (e.Result, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var decision = SendOutcomeRules.Decide(new AttemptFacts { IsSend = true, Written = false, Failure = AttemptFailure.Cancelled });
            var error = new ViberMessagingException(decision.Code ?? ViberErrorCode.Cancelled, "The send was cancelled before this request was sent.")
            {
                ProviderName = provider,
                Outcome = decision.Outcome,
            };
            return (AllFailed(provider, part, error), null);
        }
    }

    /// <summary>
    /// A cancelled send whose every recipient failed: <see cref="SendCanceledException"/> when a provider may have
    /// processed some, a plain cancellation when nothing was sent (as every provider's own send does).
    /// </summary>
    private void ThrowIfCancelled(SendResult result, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var unknown = result.Recipients.Where(r => r.Error is { Outcome: not SendOutcome.NotSent }).Select(r => r.Recipient).ToArray();
        if (unknown.Length > 0)
        {
            throw new SendCanceledException(ProviderName, unknown, result, innerException: null, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static SendResult AllFailed(string provider, ViberMessage part, ViberMessagingException error)
        => new(provider, part.Recipients.Select(r => new RecipientResult { Recipient = r, Status = RecipientStatus.Failed, Error = error }).ToArray());

    private static RecipientResult Failed(PhoneNumber recipient, ViberMessagingException error, List<RouteAttempt> route)
        => new() { Recipient = recipient, Status = RecipientStatus.Failed, Error = error, Route = [.. route] };

    private static RecipientResult WithRoute(RecipientResult result, List<RouteAttempt> route) => new()
    {
        Recipient = result.Recipient,
        Status = result.Status,
        MessageId = result.MessageId,
        ChatId = result.ChatId,
        Reason = result.Reason,
        ProviderCode = result.ProviderCode,
        Error = result.Error,
        Route = [.. route],
    };

    /// <summary>One route's recipients (indexes into the message), the candidates that can carry them, and those skipped.</summary>
    private sealed record Part(int[] Indexes, IReadOnlyList<string> Capable, IReadOnlyList<RouteAttempt> Skipped);
}
