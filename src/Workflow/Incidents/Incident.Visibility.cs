using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Incidents;

// Private incidents and drills: who sees an incident, and which audiences its notices may reach.
public sealed partial class Incident
{
    /// <summary>
    /// A private incident (a security breach, data loss under investigation): nothing goes to the announce channel,
    /// management posts go to the managers personally, and only its <see cref="IncidentMembers">members</see> see it.
    /// </summary>
    public bool IsPrivate { get; private set; }

    /// <summary>
    /// A practice incident: it runs the ladder and its timers as for real, but nothing goes to the announce channel
    /// and the summaries count it apart from MTTA, MTTR and SLA compliance.
    /// </summary>
    public bool IsDrill { get; private set; }

    /// <summary>True when <paramref name="who"/> is one of the incident's members (see <see cref="IncidentMembers"/>).</summary>
    public bool IsMember(Actor who, ResponsePlan plan) => IncidentMembers.IsMember(this, who, plan);

    /// <summary>
    /// True when <paramref name="who"/> may see the incident at all: anyone for a public one, only members for a private
    /// one. Everyone else is answered exactly as for an incident that does not exist.
    /// </summary>
    public bool MayView(Actor who, ResponsePlan plan) => !IsPrivate || IsMember(who, plan);

    /// <summary>Managers only (the Desk checks): from now on only members see the incident. Posts already made stay where they are.</summary>
    public Outcome MakePrivate(Actor who)
    {
        if (IsPrivate)
            return Outcome.Unchanged($"{Id} is already private.");
        IsPrivate = true;
        return Changed(who, "made-private",
            $"{who.Name} made {Id} private: from now on only the people paged, its reporter, its commander and managers see it.", State);
    }

    /// <summary>Managers only (the Desk checks): everyone may see the incident again, and the announce channel gets its card.</summary>
    public Outcome MakePublic(Actor who)
    {
        if (!IsPrivate)
            return Outcome.Unchanged($"{Id} is not private.");
        IsPrivate = false;
        var outcome = Changed(who, "made-public", $"{who.Name} made {Id} public: everyone may see it from now on.", State);
        Notify(NoticeKind.Card, Audience.Announce, $"{who.Name} made {Id} ({SeverityLabel}) public: {Title}");
        return outcome;
    }

    /// <summary>
    /// Every notice passes here, so no intent can leak a private incident or a drill by naming the wrong audience:
    /// neither reaches the announce channel, and a private incident's management posts go to each manager personally
    /// (a management channel may hold more people than the managers).
    /// </summary>
    private void Stage(Notice notice)
    {
        if (notice.Audience == Audience.Announce && (IsPrivate || IsDrill))
            return;
        if (notice.Audience == Audience.Management && IsPrivate)
        {
            foreach (var manager in PlanInForce.Managers)
                _notices.Add(notice with { Audience = Audience.Person, PersonId = manager.Id });
            return;
        }

        _notices.Add(notice);
    }
}
