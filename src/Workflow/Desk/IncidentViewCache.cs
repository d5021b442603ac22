using System.Diagnostics.CodeAnalysis;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// The last committed view of recently read or changed incidents, kept by a host that is its database's only
/// writer (SQLite, InMemory; never PostgreSQL, where replicas change incidents behind our back). Every Desk
/// change puts the view it committed, so <c>/incident show</c> answers without a query.
/// <para>
/// A read fills the cache only if no change was put since the read began: a reader that loaded an incident just
/// before a change committed can never leave that older state behind. Changes only move an entry forward
/// (a higher version wins). Past <see cref="Capacity"/> incidents the cache starts over.
/// </para>
/// </summary>
public sealed class IncidentViewCache(int capacity = 10_000)
{
    private readonly Dictionary<int, IncidentView> _views = [];
    private readonly Lock _lock = new();
    private long _changes;

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (_lock)
                return _views.Count;
        }
    }

    public bool TryGet(int number, [MaybeNullWhen(false)] out IncidentView view)
    {
        lock (_lock)
            return _views.TryGetValue(number, out view);
    }

    /// <summary>A stamp to take before reading from the database; hand it back to <see cref="PutRead"/>.</summary>
    public long ReadStamp()
    {
        lock (_lock)
            return _changes;
    }

    /// <summary>A view read from the database: kept only when nothing changed since <paramref name="stamp"/>.</summary>
    public void PutRead(IncidentView view, long stamp)
    {
        lock (_lock)
        {
            if (stamp != _changes || _views.ContainsKey(view.Number))
                return;
            MakeRoom();
            _views[view.Number] = view;
        }
    }

    /// <summary>A view a change has just committed.</summary>
    public void PutCommitted(IncidentView view)
    {
        lock (_lock)
        {
            _changes++;
            if (_views.TryGetValue(view.Number, out var held) && held.Version > view.Version)
                return;
            if (held is null)
                MakeRoom();
            _views[view.Number] = view;
        }
    }

    /// <summary>For a change whose outcome is unknown (the commit failed): the next read goes to the database.</summary>
    public void Forget(int number)
    {
        lock (_lock)
        {
            _changes++;
            _views.Remove(number);
        }
    }

    private void MakeRoom()
    {
        if (_views.Count >= capacity)
            _views.Clear();
    }
}
