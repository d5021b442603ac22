namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// The envelope ids seen lately, across every connection and reconnect: Slack delivers an envelope again when it
/// missed the acknowledgement (a socket lost mid-turn, a hand-over), and the second copy must not act again. Bounded:
/// the oldest ids are forgotten first, long after Slack stopped retrying them. Events are also de-duplicated by their
/// <c>event_id</c> in the ledger, which survives restarts and is shared by replicas.
/// </summary>
internal sealed class EnvelopeMemory(int capacity = EnvelopeMemory.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is seen; false for a repeat.</summary>
    public bool TryAdd(string envelopeId)
    {
        lock (_gate)
        {
            if (!_ids.Add(envelopeId))
                return false;
            _order.Enqueue(envelopeId);
            if (_order.Count > capacity)
                _ids.Remove(_order.Dequeue());
            return true;
        }
    }
}
