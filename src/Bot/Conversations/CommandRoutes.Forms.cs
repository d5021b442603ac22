using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Conversations;

public sealed partial class CommandRoutes
{
    internal async Task<FormResult> SubmitReportAsync(Actor who, ReportForm form, CancellationToken ct)
    {
        var plan = _desk.Plan;
        var report = new IncidentReport(form.Title?.Trim() ?? "", Blank(form.Severity), Blank(form.Impact), Blank(form.Description), Private: form.Private);
        var errors = new Dictionary<string, string>();
        // Check field by field so each sentence lands beside the field it is about.
        if (new IncidentReport(report.Title).Problem(plan) is { } title)
            errors["title"] = title;
        if (report.SeverityId is not null && (report with { Title = "x", Impact = null, Description = null }).Problem(plan) is { } severity)
            errors["severity"] = severity;
        if (report.Impact is not null && new IncidentReport("x", Impact: report.Impact).Problem(plan) is { } impact)
            errors["impact"] = impact;
        if (report.Description is not null && new IncidentReport("x", Description: report.Description).Problem(plan) is { } description)
            errors["description"] = description;
        if (errors.Count > 0)
            return new FormResult(errors, null);

        var result = await _desk.ReportAsync(who, report, ct);
        return result.Succeeded ? new FormResult(errors, Reply(result)) : new FormResult(new Dictionary<string, string> { ["title"] = result.Message }, null);
    }

    internal async Task<FormResult> SubmitRcaAsync(Actor who, RcaForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var rootCause = Blank(form.RootCause);
        var factors = Blank(form.ContributingFactors);
        var actions = Blank(form.CorrectiveActions);
        if (rootCause is null)
            errors["root_cause"] = "Say what caused the incident.";
        if (actions is null)
            errors["actions"] = "Name at least one corrective action and its owner.";
        var combined = factors is null ? actions : $"{ActionText.FactorsLabel} {factors}\n{ActionText.ActionsLabel} {actions}";
        if ((rootCause?.Length ?? 0) > Incident.MaxTextLength)
            errors["root_cause"] = $"At most {Incident.MaxTextLength} characters.";
        if ((combined?.Length ?? 0) > Incident.MaxTextLength)
            errors[factors is null ? "actions" : "factors"] = $"Contributing factors and corrective actions together may be at most {Incident.MaxTextLength} characters.";
        if (errors.Count > 0)
            return new FormResult(errors, null);

        var result = await _desk.SubmitRcaAsync(who, form.IncidentNumber, rootCause!, PlanMentions(combined), ct);
        return result.Status == DeskStatus.Done
            ? new FormResult(errors, Reply(result))
            : new FormResult(new Dictionary<string, string> { ["root_cause"] = result.Message }, null);
    }

    internal async Task<FormResult> SubmitTicketReplyAsync(Actor who, TicketReplyForm form, CancellationToken ct)
    {
        if (!_tickets.Enabled)
            return new FormResult(new Dictionary<string, string>(), FreshdeskOff());
        var result = await _desk.SendTicketReplyAsync(who, form.IncidentNumber, form.TicketId, form.Reply ?? "", ct);
        // Sent, or already sent by a first press: either way the form has done its work and closes.
        return result.Succeeded
            ? new FormResult(new Dictionary<string, string>(), TurnReply.Say(result.Message))
            : new FormResult(new Dictionary<string, string> { ["reply"] = result.Message }, null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
