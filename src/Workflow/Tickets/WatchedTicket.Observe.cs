using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tickets;

public sealed partial class WatchedTicket
{
    /// <summary>
    /// Takes in a fresh snapshot from the API. Returns false when nothing that matters changed, so a repeated
    /// webhook delivery writes nothing.
    /// </summary>
    public bool Observe(TicketSnapshot snapshot, ResponsePlan plan, DateTimeOffset now) =>
        Change(() => TakeIn(snapshot, plan, now), changed => changed);

    private bool TakeIn(TicketSnapshot snapshot, ResponsePlan plan, DateTimeOffset now)
    {
        var changed = false;
        var priorityChanged = snapshot.Priority != Priority;
        if (priorityChanged || snapshot.Subject.Trim() != Subject || snapshot.Requester != Requester)
        {
            if (priorityChanged)
                Record(now, "priority", $"Priority changed from {TicketCodes.PriorityName(Priority)} to {TicketCodes.PriorityName(snapshot.Priority)}.");
            CopyDetails(snapshot);
            changed = true;
        }

        // A new due date from Freshdesk replaces ours; a priority change re-bases the plan's fallback.
        var respondMoved = snapshot.FirstResponseDue != ApiRespondBy || (priorityChanged && snapshot.FirstResponseDue is null);
        var resolveMoved = snapshot.ResolutionDue != ApiResolveBy || (priorityChanged && snapshot.ResolutionDue is null);
        if (respondMoved || resolveMoved)
        {
            SetDeadlines(snapshot, plan, respondMoved, resolveMoved);
            if (respondMoved && RespondBreachedAt is null)
                RespondWarned = false;
            if (resolveMoved && ResolveBreachedAt is null)
                ResolveWarned = false;
            Record(now, "deadlines", $"Deadlines now: first response {Utc(RespondBy)}, resolution {Utc(ResolveBy)}.");
            changed = true;
        }

        if (FirstRespondedAt is null && snapshot.FirstRespondedAt is { } responded)
        {
            FirstRespondedAt = responded;
            Record(now, "responded", $"First response made at {Utc(responded)}; the first-response clock stops.");
            changed = true;
        }

        changed |= ChangeStatus(snapshot.Status, now);
        LastSeenAt = now;
        return changed;
    }

    private bool ChangeStatus(int status, DateTimeOffset now)
    {
        if (status == Status)
            return false;
        var from = Status;
        Status = status;
        if (PausedSince is { } since && status != TicketCodes.Pending)
        {
            // Leaving Pending: the clock stood still, so both deadlines move on by the paused time.
            var paused = now - since;
            PausedSince = null;
            if (paused > TimeSpan.Zero && !TicketCodes.IsFinished(status))
            {
                if (AwaitsFirstResponse && RespondBreachedAt is null)
                    RespondCredit += paused;
                if (ResolveBreachedAt is null)
                    ResolveCredit += paused;
                Record(now, "resumed", $"{TicketCodes.StatusName(status)} again after {DurationText.Elapsed(paused)} in Pending; deadlines move on to first response {Utc(RespondBy)}, resolution {Utc(ResolveBy)}.");
            }
        }

        if (TicketCodes.IsFinished(status))
            Record(now, "finished", $"{TicketCodes.StatusName(status)} in Freshdesk; the watch ends.");
        else if (status == TicketCodes.Pending)
        {
            PausedSince = now;
            Record(now, "paused", "Pending in Freshdesk: the SLA clock is paused.");
        }
        else if (TicketCodes.IsFinished(from))
            Record(now, "reopened", $"Reopened in Freshdesk ({TicketCodes.StatusName(status)}); the watch resumes.");
        else if (from != TicketCodes.Pending)
            Record(now, "status", $"Status changed from {TicketCodes.StatusName(from)} to {TicketCodes.StatusName(status)}.");
        return true;
    }
}
