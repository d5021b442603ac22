using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>Renders the live incident card from an <see cref="IncidentView"/>, once for every channel.</summary>
public static class IncidentCard
{
    public static Card Render(IncidentView incident)
    {
        var fields = new List<CardField>
        {
            new("Severity", SeverityText(incident)),
            new("State", Incident.StateWord(incident.State)),
            new("Ladder", $"{incident.LevelId} · {incident.LevelName}"),
        };
        if (incident.Paged.Count > 0)
            fields.Add(new CardField("Paged", string.Join(", ", incident.Paged.Select(p => p.Name))));
        fields.Add(new CardField("Owner", incident.OwnerName ?? "nobody yet"));
        if (incident.IsPrivate)
            fields.Add(new CardField("Visibility", "private: only the people paged, the reporter, the commander and managers"));
        fields.Add(new CardField("Reported by", incident.ReporterName));
        if (incident.AcknowledgeBy is { } ack)
            fields.Add(new CardField("Acknowledge by", Utc(ack), ack));
        if (incident.NextUpdateBy is { } update)
            fields.Add(new CardField("Next update by", Utc(update), update));
        if (incident.ResolveBy is { } resolve)
            fields.Add(new CardField("Resolve by", Utc(resolve), resolve));
        if (incident.Eta is { } eta)
            fields.Add(new CardField("ETA", Utc(eta), eta));
        if (incident.RcaDueBy is { } rca)
            fields.Add(new CardField("RCA due by", Utc(rca), rca));

        var lines = new List<string>(3);
        if (incident.Impact is not null)
            lines.Add($"Impact: {incident.Impact}");
        if (incident.Description is not null)
            lines.Add($"Description: {incident.Description}");
        if (incident.AlertNote is not null)
            lines.Add($"Alerts: {incident.AlertNote}");
        if (incident.Resolution is not null)
            lines.Add($"Resolution: {incident.Resolution}");
        var summary = lines.Count == 0 ? null : string.Join('\n', lines);
        return new Card(
            DrillMarker.Mark($"{incident.Id} · {incident.Title}", incident),
            summary,
            fields,
            Buttons(incident),
            $"Reported {Utc(incident.ReportedAt)} · version {incident.Version}",
            Tone(incident));
    }

    public static OutgoingMessage Message(IncidentView incident, string text) => new(text, Render(incident));

    private static List<CardButton> Buttons(IncidentView incident)
    {
        var id = incident.Id;
        var buttons = new List<CardButton>();
        if (incident.State == IncidentState.Reported)
            buttons.Add(new CardButton("Acknowledge", ActionIds.Acknowledge, id, ButtonStyle.Primary));
        if (incident.IsOpen)
        {
            buttons.Add(new CardButton("Escalate", ActionIds.Escalate, id, ButtonStyle.Default, $"Escalate {id} to the next level of the ladder?"));
            buttons.Add(new CardButton("Resolve", ActionIds.Resolve, id, ButtonStyle.Danger, $"Mark {id} as resolved?"));
        }

        if (incident.State == IncidentState.Resolved)
            buttons.Add(new CardButton("Close", ActionIds.Close, id, ButtonStyle.Primary));
        if (incident.State is IncidentState.RcaPending || (incident.State == IncidentState.Resolved && incident.RcaRequired && incident.RcaRootCause is null))
            buttons.Add(new CardButton("Submit RCA", ActionIds.Rca, id, ButtonStyle.Primary));
        if (incident.State is IncidentState.RcaPending)
            buttons.Add(new CardButton("Waive RCA", ActionIds.Waive, id, ButtonStyle.Default));
        // Triage: one button per severity; a press is /incident sev INC-n sevN.
        foreach (var choice in incident.SeverityChoices)
            buttons.Add(new CardButton($"{choice.Id} · {choice.Name}", ActionIds.Severity, $"{id} {choice.Id}"));
        return buttons;
    }

    /// <summary>The buttons of an RCA prompt: submit it, and, while the incident waits for it, waive it (managers only).</summary>
    public static IReadOnlyList<CardButton> RcaPromptButtons(IncidentView incident) =>
        incident.State == IncidentState.RcaPending
            ? [new CardButton("Submit RCA", ActionIds.Rca, incident.Id, ButtonStyle.Primary), new CardButton("Waive RCA", ActionIds.Waive, incident.Id)]
            : [new CardButton("Submit RCA", ActionIds.Rca, incident.Id, ButtonStyle.Primary)];

    /// <summary>The card's severity field; an incident waiting for triage says whose clocks it runs on meanwhile.</summary>
    public static string SeverityText(IncidentView incident) => incident.NeedsTriage
        ? $"needs triage (runs on {incident.SeverityId} · {incident.SeverityName} clocks until someone picks one)"
        : $"{incident.SeverityId} · {incident.SeverityName}";

    private static CardTone Tone(IncidentView incident) => incident.State switch
    {
        IncidentState.Resolved or IncidentState.Closed or IncidentState.Cancelled => CardTone.Good,
        IncidentState.RcaPending => CardTone.Warning,
        _ when incident.RcaRequired => CardTone.Critical,
        _ => CardTone.Warning,
    };

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
