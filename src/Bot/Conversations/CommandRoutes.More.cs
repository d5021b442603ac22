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
        var report = new IncidentReport(command.Title, command.Severity, command.Impact, Private: command.Private, Drill: command.Drill);
        return Reply(await _desk.ReportAsync(context.Who, report, ct));
    }

    private Task<TurnReply> AssignAsync(TurnContext context, AssignCommand command, CancellationToken ct)
    {
        if (_identities.Find(command.Person) is not { } person)
            return Task.FromResult(TurnReply.Say($"{command.Person.Raw} is not in the response plan, and only its people can command an incident. You can assign {_identities.Assignable()}."));
        return OnIncident(context, command.IncidentNumber, "assign", n => _desk.AssignAsync(context.Who, n, person.Id, ct));
    }

    private async Task<TurnReply> CloseAsync(TurnContext context, CloseCommand command, CancellationToken ct)
    {
        DeskResult? result = null;
        var reply = await OnIncident(context, command.IncidentNumber, "close", async n => result = await _desk.CloseAsync(context.Who, n, ct));
        // Closing a critical incident without its RCA parks it in RcaPending: open the RCA form at once.
        return result is { Status: DeskStatus.Done, Incident: { State: IncidentState.RcaPending } parked }
            ? reply with { Form = new FormRequest(FormKind.Rca, parked.Number) }
            : reply;
    }

    private async Task<TurnReply> TimelineAsync(TurnContext context, TimelineCommand command, CancellationToken ct)
    {
        if (await context.IncidentAsync(command.IncidentNumber) is not { } number)
            return TurnReply.Say("Which incident? Name it, e.g. /incident timeline INC-7.");
        if (await _desk.TimelineAsync(number, context.Who, ct) is not { } found)
            return TurnReply.Say(DeskResult.NotFound(number).Message);
        var text = new StringBuilder(DrillMarker.Mark($"Timeline of {found.Incident.Id} · {found.Incident.Title}", found.Incident));
        foreach (var entry in found.Entries)
            text.Append(CultureInfo.InvariantCulture, $"\n{entry.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {entry.ActorName} · {entry.Text}");
        return TurnReply.Say(text.ToString());
    }

    private void RouteLater()
    {
        RouteTickets();
        RouteSummary();
        RouteActions();
    }

    private static TurnReply FreshdeskOff() =>
        TurnReply.Say("Freshdesk is not connected to this bot (Freshdesk:BaseUrl, Freshdesk:ApiKey and Freshdesk:WebhookSecret are needed).");
}
