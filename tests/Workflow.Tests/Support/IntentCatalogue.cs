using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>
/// Every intent and timer method of <see cref="Incident"/> by name, with plausible arguments, for exhaustive tests; each
/// runs as one change at the time the test set (<see cref="IncidentChanges"/>).
/// </summary>
public static class IntentCatalogue
{
    private static readonly Person Chen = TestPlans.Standard().FindPerson("chen")!;
    private static readonly DateTimeOffset Later = IncidentBuilder.ReportedAt.AddHours(4);

    public static IReadOnlyDictionary<string, Func<Incident, Actor, Outcome>> Commands { get; } =
        new Dictionary<string, Func<Incident, Actor, Outcome>>
        {
            ["Acknowledge"] = (i, who) => i.Act(x => x.Acknowledge(who)),
            ["Escalate"] = (i, who) => i.Act(x => x.Escalate(who, "nobody answers")),
            ["PostUpdate"] = (i, who) => i.Act(x => x.PostUpdate(who, "still digging", TimeSpan.FromMinutes(45), Later.AddHours(1))),
            ["ChangeSeverity"] = (i, who) => i.Act(x => x.ChangeSeverity(who, i.SeverityId == "sev2" ? "sev1" : "sev2")),
            ["Assign"] = (i, who) => i.Act(x => x.Assign(who, Chen)),
            ["Mitigate"] = (i, who) => i.Act(x => x.Mitigate(who, "traffic drained")),
            ["Resolve"] = (i, who) => i.Act(x => x.Resolve(who, "primary restored")),
            ["Reopen"] = (i, who) => i.Act(x => x.Reopen(who)),
            ["Close"] = (i, who) => i.Act(x => x.Close(who)),
            ["SubmitRca"] = (i, who) => i.Act(x => x.SubmitRca(who, "disk full", "alert on disk usage")),
            ["WaiveRca"] = (i, who) => i.Act(x => x.WaiveRca(who, "vendor outage")),
            ["Cancel"] = (i, who) => i.Act(x => x.Cancel(who, "false alarm")),
        };

    public static IReadOnlyDictionary<string, Func<Incident, Outcome>> Timers { get; } =
        new Dictionary<string, Func<Incident, Outcome>>
        {
            ["RemindToAcknowledge"] = i => i.Act(x => x.RemindToAcknowledge(Later)),
            ["AcknowledgeTimedOut"] = i => i.Act(x => x.AcknowledgeTimedOut()),
            ["UpdateOverdue"] = i => i.Act(x => x.UpdateOverdue()),
            ["WarnResolveDeadline"] = i => i.Act(x => x.WarnResolveDeadline(Later)),
            ["BreachResolveDeadline"] = i => i.Act(x => x.BreachResolveDeadline()),
            ["RemindRca"] = i => i.Act(x => x.RemindRca(Later)),
            ["RcaOverdue"] = i => i.Act(x => x.RcaOverdue()),
        };

    public static Actor[] Actors { get; } = [People.Ana, People.Chen, People.Dana, People.Eve, Actor.Employee("zed", "Zed"), Actor.Timer];
}
