using System.Net;

namespace Jivrus.IncidentBot.Bot.Tests.Http;

/// <summary>
/// A remote service that answers each request at once with the next scripted status (then 200), and notes the
/// fake clock's time of every request, so a test can see when a retry went out.
/// </summary>
internal sealed class ScriptedService(TimeProvider time) : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _script = new();
    private readonly List<DateTimeOffset> _seen = [];

    /// <summary>When each request arrived, by the fake clock.</summary>
    public IReadOnlyList<DateTimeOffset> Seen
    {
        get
        {
            lock (_seen)
                return [.. _seen];
        }
    }

    public ScriptedService Then(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        _script.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (retryAfter is { } wait)
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            return response;
        });
        return this;
    }

    public ScriptedService ThenDrop()
    {
        _script.Enqueue(() => throw new HttpRequestException("connection reset"));
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_seen)
            _seen.Add(time.GetUtcNow());
        try
        {
            return Task.FromResult(_script.TryDequeue(out var next) ? next() : new HttpResponseMessage(HttpStatusCode.OK));
        }
        catch (HttpRequestException ex)
        {
            return Task.FromException<HttpResponseMessage>(ex);
        }
    }
}
