using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ViberMessaging.AspNetCore;

/// <summary>Hands replies to the <see cref="IViberReplyHandler"/>s away from the request: the endpoint only queues them.</summary>
internal sealed class ReplyDispatcher(IEnumerable<IViberReplyHandler> handlers, ILogger<ReplyDispatcher> logger) : BackgroundService
{
    private readonly IViberReplyHandler[] _handlers = handlers.ToArray();
    private readonly Channel<ChatMessage> _replies = Channel.CreateBounded<ChatMessage>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues a reply; <see langword="false"/> when the queue is full (the endpoint then answers 503 so the gateway retries).</summary>
    public bool TryQueue(ChatMessage reply) => _handlers.Length == 0 || _replies.Writer.TryWrite(reply);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var reply in _replies.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var handler in _handlers)
                {
                    try
                    {
                        await handler.OnReplyAsync(reply, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        CallbackLog.ReplyHandlerFailed(logger, exception);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
