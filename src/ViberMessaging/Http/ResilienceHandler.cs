using Polly;

namespace ViberMessaging.Http;

/// <summary>
/// The outermost handler: runs each operation through the account's retry and circuit-breaker pipeline. Each attempt
/// wraps the body to learn whether it was written, which is what makes "retry only if it never left" decidable.
/// Transport failures leave as <see cref="ViberMessagingException"/> with the right <see cref="SendOutcome"/>.
/// </summary>
internal sealed class ResilienceHandler(ProviderPipelines pipelines) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Expect: 100-continue delays the body until the server answers, which lets the transport replay a
        // request the provider may already be processing (dotnet/runtime#86714). Unset, it is not sent; only a
        // request (or client default) that asks for it is changed, so the usual request allocates nothing here.
        if (request.Headers.ExpectContinue == true)
        {
            request.Headers.ExpectContinue = false;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ProviderPipelines.RequestKey, request);
        try
        {
            var outcome = await pipelines.Operation.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    var (handler, request) = state;
                    var tracker = new WriteTracker(handler.Clock);
                    request.StartAttempt(tracker);
                    var body = request.Content;
                    if (body is ITrackedContent own)
                    {
                        own.TrackWith(tracker);
                    }
                    else if (body is not null)
                    {
                        request.Content = new WriteTrackingContent(body, tracker);
                    }

                    try
                    {
                        return Outcome.FromResult(await handler.SendInnerAsync(request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                    finally
                    {
                        request.Content = body;
                    }
                },
                context,
                (this, request)).ConfigureAwait(false);

            if (outcome.Exception is { } failure)
            {
                throw FailureClassifier.Translate(failure, request, pipelines.ProviderName, cancellationToken);
            }

            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private TimeProvider Clock => pipelines.TimeProvider;

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);
}
