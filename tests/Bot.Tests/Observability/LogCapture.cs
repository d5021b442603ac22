using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>
/// Keeps every log line at every level: the formatted message, the exception with its stack and inner exceptions,
/// every structured value and every scope, which is what a JSON console or a log shipper would write.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
                return [.. _lines];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_gate)
            _lines.Add(line);
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        private readonly List<object?> _scopes = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lock (_scopes)
                _scopes.Add(state);
            return new Scope(this, state);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            string scopes;
            lock (_scopes)
                scopes = string.Join(" ", _scopes.Select(s => s is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(" ", kv.Select(p => $"{p.Key}={p.Value}")) : s?.ToString()));
            capture.Add($"{logLevel} {category}: {formatter(state, exception)} | {values} | {scopes} | {exception}");
        }

        private sealed class Scope(Logger logger, object? state) : IDisposable
        {
            public void Dispose()
            {
                lock (logger._scopes)
                    logger._scopes.Remove(state);
            }
        }
    }
}
