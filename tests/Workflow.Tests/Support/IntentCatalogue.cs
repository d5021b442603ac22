using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>Every intent and timer method of <see cref="Incident"/> by name, with plausible arguments, for exhaustive tests.</summary>
public static class IntentCatalogue
{
    private static readonly Person Chen = TestPlans.Standard().FindPerson("chen")!;
    private static readonly DateTimeOffset Later = IncidentBuilder.ReportedAt.AddHours(4);

    public static IReadOnlyDictionary<string, Func<Incident, Actor, Outcome>> Commands { get; } =
        new Dictionary<string, Func<Incident, Actor, Outcome>>
        {
            ["Acknowledge"] = (i, who) => i.Acknowledge(who),
            ["Escalate"] = (i, who) => i.Escalate(who, "nobody answers"),
            ["PostUpdate"] = (i, who) => i.PostUpdate(who, "still digging", TimeSpan.FromMinutes(45), Later.AddHours(1)),
            ["ChangeSeverity"] = (i, who) => i.ChangeSeverity(who, i.SeverityId == "sev2" ? "sev1" : "sev2"),
            ["Assign"] = (i, who) => i.Assign(who, Chen),
            ["Mitigate"] = (i, who) => i.Mitigate(who, "traffic drained"),
            ["Resolve"] = (i, who) => i.Resolve(who, "primary restored"),
            ["Reopen"] = (i, who) => i.Reopen(who),
            ["Close"] = (i, who) => i.Close(who),
            ["SubmitRca"] = (i, who) => i.SubmitRca(who, "disk full", "alert on disk usage"),
            ["WaiveRca"] = (i, who) => i.WaiveRca(who, "vendor outage"),
            ["Cancel"] = (i, who) => i.Cancel(who, "false alarm"),
        };

    public static IReadOnlyDictionary<string, Func<Incident, Outcome>> Timers { get; } =
        new Dictionary<string, Func<Incident, Outcome>>
        {
            ["RemindToAcknowledge"] = i => i.RemindToAcknowledge(Later),
            ["AcknowledgeTimedOut"] = i => i.AcknowledgeTimedOut(),
            ["UpdateOverdue"] = i => i.UpdateOverdue(),
            ["WarnResolveDeadline"] = i => i.WarnResolveDeadline(Later),
            ["BreachResolveDeadline"] = i => i.BreachResolveDeadline(),
            ["RemindRca"] = i => i.RemindRca(Later),
            ["RcaOverdue"] = i => i.RcaOverdue(),
        };

    public static Actor[] Actors { get; } = [People.Ana, People.Chen, People.Dana, People.Eve, Actor.Employee("zed", "Zed"), Actor.Timer];
}
