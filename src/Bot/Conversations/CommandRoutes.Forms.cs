using Jivrus.IncidentBot.Bot.Messages;
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
        // Check field by field so each sentence lands beside the field it is about. An empty field gets the form's own
        // sentence: the workflow's one teaches the command line, which a person filling in a form has no use for.
        if (report.Title.Length == 0)
            errors[FormKeys.Title] = Forms.TitleMissing;
        else if (new IncidentReport(report.Title).Problem(plan) is { } title)
            errors[FormKeys.Title] = title;
        if (report.SeverityId is not null && (report with { Title = "x", Impact = null, Description = null }).Problem(plan) is { } severity)
            errors[FormKeys.Severity] = severity;
        if (report.Impact is not null && new IncidentReport("x", Impact: report.Impact).Problem(plan) is { } impact)
            errors[FormKeys.Impact] = impact;
        if (report.Description is not null && new IncidentReport("x", Description: report.Description).Problem(plan) is { } description)
            errors[FormKeys.Description] = description;
        if (errors.Count > 0)
            return new FormResult(errors, null);

        var result = await _desk.ReportAsync(who, report, ct);
        return result.Succeeded ? new FormResult(errors, Reply(result)) : new FormResult(new Dictionary<string, string> { [FormKeys.Title] = result.Message }, null);
    }

    internal async Task<FormResult> SubmitRcaAsync(Actor who, RcaForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var rootCause = Blank(form.RootCause);
        var factors = Blank(form.ContributingFactors);
        var actions = Blank(form.CorrectiveActions);
        if (rootCause is null)
            errors[FormKeys.RootCause] = Forms.RootCauseMissing;
        if (actions is null)
            errors[FormKeys.Actions] = Forms.ActionsMissing;
        var combined = factors is null ? actions : $"{ActionText.FactorsLabel} {factors}\n{ActionText.ActionsLabel} {actions}";
        if ((rootCause?.Length ?? 0) > Incident.MaxTextLength)
            errors[FormKeys.RootCause] = $"At most {Incident.MaxTextLength} characters.";
        if ((combined?.Length ?? 0) > Incident.MaxTextLength)
            errors[factors is null ? FormKeys.Actions : FormKeys.Factors] = $"Contributing factors and corrective actions together may be at most {Incident.MaxTextLength} characters.";
        if (errors.Count > 0)
            return new FormResult(errors, null);

        var result = await _desk.SubmitRcaAsync(who, form.IncidentNumber, rootCause!, PlanMentions(combined), ct);
        return result.Status == DeskStatus.Done
            ? new FormResult(errors, Reply(result))
            : new FormResult(new Dictionary<string, string> { [FormKeys.RootCause] = result.Message }, null);
    }

    internal async Task<FormResult> SubmitTicketReplyAsync(Actor who, TicketReplyForm form, CancellationToken ct)
    {
        if (!_tickets.Enabled)
            return new FormResult(new Dictionary<string, string>(), FreshdeskOff());
        var result = await _desk.SendTicketReplyAsync(who, form.IncidentNumber, form.TicketId, form.Reply ?? "", ct);
        // Sent, or already sent by a first press: either way the form has done its work and closes.
        return result.Succeeded
            ? new FormResult(new Dictionary<string, string>(), TurnReply.Say(result.Message))
            : new FormResult(new Dictionary<string, string> { [FormKeys.Reply] = result.Message }, null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
