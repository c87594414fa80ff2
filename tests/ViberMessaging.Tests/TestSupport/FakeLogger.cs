using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>A logger provider that keeps every line (at every level) for assertions.</summary>
public sealed class FakeLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<FakeLogRecord> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new FakeLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class FakeLogger(FakeLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Records.Enqueue(new FakeLogRecord(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

public sealed record FakeLogRecord(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
