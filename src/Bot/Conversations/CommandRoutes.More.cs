using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Conversations;

public sealed partial class CommandRoutes
{
    private async Task<TurnReply> ReportAsync(TurnContext context, ReportCommand command, CancellationToken ct)
    {
        if (command.Title is null)
            return new TurnReply("Describe the incident in the form.", Form: new FormRequest(FormKind.Report, Severity: command.Severity));
        return Reply(await _desk.ReportAsync(context.Who, new IncidentReport(command.Title, command.Severity, command.Impact), ct));
    }

    private Task<TurnReply> AssignAsync(TurnContext context, AssignCommand command, CancellationToken ct)
    {
        if (_identities.Find(command.Person) is not { } person)
            return Task.FromResult(TurnReply.Say($"{command.Person.Raw} is not in the response plan; only its people can command an incident."));
        return OnIncident(context, command.IncidentNumber, "assign", n => _desk.AssignAsync(context.Who, n, person.Id, ct));
    }

    private async Task<TurnReply> CloseAsync(TurnContext context, CloseCommand command, CancellationToken ct)
    {
        var reply = await OnIncident(context, command.IncidentNumber, "close", n => _desk.CloseAsync(context.Who, n, ct));
        // Closing a critical incident without its RCA parks it in RcaPending: open the RCA form at once.
        if (await context.IncidentAsync(command.IncidentNumber) is { } number && reply.HasCard
            && reply.Text.Contains("root-cause analysis is required", StringComparison.Ordinal))
            return reply with { Form = new FormRequest(FormKind.Rca, number) };
        return reply;
    }

    private async Task<TurnReply> TimelineAsync(TurnContext context, TimelineCommand command, CancellationToken ct)
    {
        if (await context.IncidentAsync(command.IncidentNumber) is not { } number)
            return TurnReply.Say("Which incident? Name it, e.g. /incident timeline INC-7.");
        if (await _desk.TimelineAsync(number, ct) is not { } found)
            return TurnReply.Say(DeskResult.NotFound(number).Message);
        var text = new StringBuilder($"Timeline of {found.Incident.Id} · {found.Incident.Title}");
        foreach (var entry in found.Entries)
            text.Append(CultureInfo.InvariantCulture, $"\n{entry.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {entry.ActorName} · {entry.Text}");
        return TurnReply.Say(text.ToString());
    }

    private async Task<TurnReply> ListAsync(TurnContext context, ListCommand command, CancellationToken ct)
    {
        var filter = command.Filter == ListFilter.Mine ? IncidentFilter.Mine : command.Severity is null ? IncidentFilter.Open : IncidentFilter.Severity;
        var incidents = await _desk.ListAsync(filter, context.Who, command.Severity, ct: ct);
        if (command.Filter == ListFilter.Mine && command.Severity is { } sev)
            incidents = incidents.Where(i => string.Equals(i.SeverityId, sev, StringComparison.OrdinalIgnoreCase)).ToList();
        if (incidents.Count == 0)
            return TurnReply.Say(command.Filter == ListFilter.Mine ? "You have no open incidents." : "No open incidents.");
        var text = new StringBuilder($"{incidents.Count} open incident{(incidents.Count == 1 ? "" : "s")}:");
        foreach (var i in incidents)
            text.Append(CultureInfo.InvariantCulture, $"\n{i.Id} · {i.SeverityLabel} · {Incident.StateWord(i.State)} · {i.Title} · owner {i.OwnerName ?? "nobody"}");
        return TurnReply.Say(text.ToString());
    }

    private TurnReply OnCall()
    {
        var text = new StringBuilder("Escalation ladder:");
        var number = 1;
        foreach (var (level, people) in _desk.OnCall())
            text.Append(CultureInfo.InvariantCulture, $"\n{number++}. {level.Id} · {level.Name}: {string.Join(", ", people.Select(p => p.Name))}");
        return TurnReply.Say(text.ToString());
    }

    private void RouteLater()
    {
        RouteTickets();
        RouteSummary();
    }

    private static TurnReply FreshdeskOff() =>
        TurnReply.Say("Freshdesk is not connected to this bot (Freshdesk:BaseUrl, Freshdesk:ApiKey and Freshdesk:WebhookSecret are needed).");
}
