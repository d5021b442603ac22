using System.Threading.Channels;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// The bot's recent posts for the local page: a ring buffer of the last <see cref="Capacity"/> posts with
/// increasing ids, and live subscribers. A subscriber that falls <see cref="SubscriberBacklog"/> posts behind
/// is dropped rather than allowed to hold posts in memory or slow delivery; the page reconnects and resumes
/// from the buffer by the last id it saw.
/// </summary>
public sealed class LocalFeed(TimeProvider time)
{
    /// <summary>Posts kept for history and resuming; default 500.</summary>
    public const int Capacity = 500;

    /// <summary>Posts a subscriber may have unread before it is dropped; default 256.</summary>
    public const int SubscriberBacklog = 256;

    private readonly Lock _gate = new();
    private readonly Queue<LocalPost> _posts = new();
    private readonly Queue<long?> _sources = new();
    private readonly List<Channel<LocalPost>> _subscribers = [];
    private long _lastId;

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
                return _subscribers.Count;
        }
    }

    /// <summary>
    /// Adds a post and hands it to every subscriber. <paramref name="sourceId"/> (the outbox message id) makes a
    /// repeated delivery of the same message a no-op while that message is still buffered; the first post is returned.
    /// <paramref name="buttons"/> are the buttons under the sentence of a post without a card (a prompt).
    /// </summary>
    public LocalPost Add(string conversation, string text, LocalCard? card, int? incidentNumber, string kind, long? sourceId = null, IReadOnlyList<LocalCardButton>? buttons = null)
    {
        LocalPost post;
        lock (_gate)
        {
            if (sourceId is not null && _sources.Zip(_posts).FirstOrDefault(e => e.First == sourceId).Second is { } earlier)
                return earlier;
            post = new LocalPost(++_lastId, time.GetUtcNow(), conversation, text, card, incidentNumber, kind, buttons);
            _posts.Enqueue(post);
            _sources.Enqueue(sourceId);
            if (_posts.Count > Capacity)
            {
                _posts.Dequeue();
                _sources.Dequeue();
            }

            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                if (_subscribers[i].Writer.TryWrite(post))
                    continue;
                _subscribers[i].Writer.TryComplete();
                _subscribers.RemoveAt(i);
            }
        }

        return post;
    }

    /// <summary>Posts with an id above <paramref name="afterId"/>, oldest first (at most the buffer).</summary>
    public IReadOnlyList<LocalPost> After(long afterId)
    {
        lock (_gate)
            return _posts.Where(p => p.Id > afterId).ToList();
    }

    /// <summary>
    /// Every post after <paramref name="afterId"/>: first those still buffered, then live ones, with no gap or
    /// repeat between the two. Ends when the subscriber is dropped or <paramref name="ct"/> fires.
    /// </summary>
    public async IAsyncEnumerable<LocalPost> FollowAsync(long afterId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<LocalPost>(new BoundedChannelOptions(SubscriberBacklog)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails when full, and Add drops the subscriber.
        });
        List<LocalPost> backlog;
        lock (_gate)
        {
            // Taken under the same lock as the subscription, so no post falls between the two.
            backlog = _posts.Where(p => p.Id > afterId).ToList();
            _subscribers.Add(channel);
        }

        try
        {
            foreach (var post in backlog)
                yield return post;
            while (await WaitToReadAsync(channel.Reader, ct))
            {
                while (channel.Reader.TryRead(out var post))
                    yield return post;
            }
        }
        finally
        {
            lock (_gate)
                _subscribers.Remove(channel);
        }
    }

    // A closed page or a stopping host ends the stream quietly instead of surfacing as an error.
    private static async Task<bool> WaitToReadAsync(ChannelReader<LocalPost> reader, CancellationToken ct)
    {
        try
        {
            return await reader.WaitToReadAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
