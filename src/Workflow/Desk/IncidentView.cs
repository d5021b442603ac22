using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>A read-only picture of an incident with its deadlines, for cards and replies.</summary>
public sealed record IncidentView
{
    public required int Number { get; init; }
    public string Id => IncidentId.Format(Number);
    public required string Title { get; init; }
    public string? Impact { get; init; }
    public string? Description { get; init; }
    public required string SeverityId { get; init; }
    public required string SeverityName { get; init; }

    /// <summary>No severity was named yet: <see cref="SeverityId"/> is the most urgent one, whose clocks it runs on.</summary>
    public bool NeedsTriage { get; init; }

    /// <summary>While the incident needs triage: the plan's severities to pick from, most urgent first; else empty.</summary>
    public IReadOnlyList<SeverityRef> SeverityChoices { get; init; } = [];

    /// <summary>The severity as a list or a reply shows it: <c>sev2</c>, or <c>needs triage</c>.</summary>
    public string SeverityLabel => NeedsTriage ? Incident.TriageLabel : SeverityId;
    public required IncidentState State { get; init; }
    public required int Level { get; init; }
    public required string LevelId { get; init; }
    public required string LevelName { get; init; }

    /// <summary>People of the current level while the incident waits for an acknowledgement.</summary>
    public required IReadOnlyList<PersonRef> Paged { get; init; }
    public required string ReporterName { get; init; }

    /// <summary>The reporter's actor id: a plan person id, or <c>slack:U…</c> / <c>teams:…</c> for an employee.</summary>
    public string? ReporterId { get; init; }
    public string? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public string? AcknowledgedByName { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? AcknowledgeBy { get; init; }
    public DateTimeOffset? NextUpdateBy { get; init; }
    public DateTimeOffset? ResolveBy { get; init; }
    public DateTimeOffset? RcaDueBy { get; init; }
    public DateTimeOffset? Eta { get; init; }
    public string? Resolution { get; init; }

    /// <summary>What the alerts of an incident monitoring opened say now ("3 alerts firing"); null otherwise.</summary>
    public string? AlertNote { get; init; }
    public string? RcaRootCause { get; init; }
    public bool RcaRequired { get; init; }
    public bool IsOpen => State is IncidentState.Reported or IncidentState.Acknowledged or IncidentState.Mitigated;
    public required int Version { get; init; }

    /// <summary>A private incident (see <see cref="Incident.IsPrivate"/>); its <see cref="Members"/> are who may see it.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>A practice incident (see <see cref="Incident.IsDrill"/>): every post about it is marked as a drill.</summary>
    public bool IsDrill { get; init; }

    /// <summary>
    /// For a private incident or a drill, the plan people who belong to it (<see cref="IncidentMembers"/>): whom a chat
    /// invites to its private channel or tells personally (Teams, where the incident's thread would sit in the announce
    /// channel). Empty for an ordinary incident.
    /// </summary>
    public IReadOnlyList<PersonRef> Members { get; init; } = [];
}

/// <summary>A plan severity by id and name.</summary>
public sealed record SeverityRef(string Id, string Name);

/// <summary>A plan person by id and name.</summary>
public sealed record PersonRef(string Id, string Name);
