using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Bot.Tests.Support;

/// <summary>Keeps every log line a host writes (its message and any exception), and lets a test wait for one.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>"Level: message", exceptions written out below their message.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    /// <summary>The first line that matches, once it has been written; fails after ten seconds.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
                changed = _changed.Task;
            if (Lines.FirstOrDefault(match) is { } line)
                return line;
            await changed.WaitAsync(timeout.Token);
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private sealed class Recorder(LogRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(exception is null ? $"{logLevel}: {formatter(state, exception)}" : $"{logLevel}: {formatter(state, exception)}{Environment.NewLine}{exception}");
    }
}
