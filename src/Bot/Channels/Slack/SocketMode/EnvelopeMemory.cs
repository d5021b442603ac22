namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// The envelope ids seen lately, across every connection and reconnect: Slack delivers an envelope again when it
/// missed the acknowledgement (a socket lost mid-turn, a hand-over), and the second copy must not act again. It must
/// still answer, though: the person who typed a slash command sees only what the acknowledgement carries, so the answer
/// of the first delivery is kept for the repeat. Bounded: the oldest ids are forgotten first, long after Slack stopped
/// retrying them, and answers (larger than ids) only for the most recent envelopes. Events are also de-duplicated by
/// their <c>event_id</c> in the ledger, which survives restarts and is shared by replicas.
/// </summary>
internal sealed class EnvelopeMemory(int capacity = EnvelopeMemory.DefaultCapacity, int answers = EnvelopeMemory.DefaultAnswers)
{
    public const int DefaultCapacity = 4096;

    /// <summary>Slack repeats an envelope within seconds to minutes; a few hundred covers that at any real load.</summary>
    public const int DefaultAnswers = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<SlackAnswer?>?> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Queue<string> _answered = new();

    /// <summary>
    /// True the first time an id is seen: <paramref name="answer"/> is then the caller's to complete with what it
    /// acknowledged. False for a repeat: <paramref name="answer"/> completes with the first delivery's answer (null
    /// when it had none or it was forgotten).
    /// </summary>
    public bool TryAdd(string envelopeId, out TaskCompletionSource<SlackAnswer?> answer)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue(envelopeId, out var first))
            {
                answer = first ?? Forgotten();
                return false;
            }

            answer = new TaskCompletionSource<SlackAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _ids.Add(envelopeId, answer);
            _order.Enqueue(envelopeId);
            _answered.Enqueue(envelopeId);
            if (_order.Count > capacity)
                _ids.Remove(_order.Dequeue());
            if (_answered.Count > answers && _answered.Dequeue() is var old && _ids.ContainsKey(old))
                _ids[old] = null;
            return true;
        }
    }

    private static TaskCompletionSource<SlackAnswer?> Forgotten()
    {
        var none = new TaskCompletionSource<SlackAnswer?>();
        none.SetResult(null);
        return none;
    }
}
