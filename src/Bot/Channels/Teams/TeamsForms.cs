using System.Globalization;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// Report, RCA and customer reply form submissions: handed to the turn handler's form entry points; a refused submission
/// comes back as the same form, values kept and a message under each wrong field.
/// </summary>
internal sealed class TeamsForms(TurnHandler turns, TeamsReplier replier, ResponsePlan plan)
{
    /// <summary>The card that should replace the form: the form again with errors, or the outcome.</summary>
    public async Task<JsonObject> SubmitAsync(InboundMessage origin, SubmittedData data, CardActions actions, CancellationToken ct)
    {
        if (data.Form == AdaptiveFormRenderer.RcaForm)
        {
            if (!IncidentId.TryParse(data["incident"], out var number))
                return TeamsActivities.Message(ChannelReplies.RcaFormWithoutIncident);
            var rca = new RcaForm(number, data["root_cause"], data["factors"], data["actions"]);
            var result = await turns.SubmitRcaAsync(origin, rca, ct);
            return Outcome(result, errors => AdaptiveFormRenderer.Rca(number, data.Values, errors), actions);
        }

        if (data.Form == AdaptiveFormRenderer.TicketReplyForm)
        {
            if (!long.TryParse(data["ticket"], NumberStyles.None, CultureInfo.InvariantCulture, out var ticket) || !IncidentId.TryParse(data["incident"], out var about))
                return TeamsActivities.Message(ChannelReplies.TicketReplyFormWithoutTicket);
            var sent = await turns.SubmitTicketReplyAsync(origin, new TicketReplyForm(ticket, about, data["reply"]), ct);
            return Outcome(sent, errors => AdaptiveFormRenderer.TicketReply(ticket, about, data.Values, errors), actions);
        }

        var report = new ReportForm(data["title"], data["severity"], data["impact"], data["description"], data["private"] == "true");
        var filed = await turns.SubmitReportAsync(origin, report, ct);
        return Outcome(filed, errors => AdaptiveFormRenderer.Report(plan, data.Values, errors), actions);
    }

    private JsonObject Outcome(FormResult result, Func<IReadOnlyDictionary<string, string>, JsonObject> form, CardActions actions)
    {
        if (!result.Accepted)
            return TeamsActivities.Message(ChannelReplies.CorrectTheForm, form(result.Errors));
        var reply = result.Reply ?? TurnReply.Say(ChannelReplies.Done);
        return replier.Render(reply, actions);
    }
}
