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
        if (data.Form == Forms.RcaId)
        {
            if (!IncidentId.TryParse(data["incident"], out var number))
                return TeamsActivities.Message(ChannelReplies.RcaFormWithoutIncident);
            var result = await turns.SubmitRcaAsync(origin, Forms.ReadRca(number, key => data[key]), ct);
            return Outcome(result, Forms.Rca(number), data, actions);
        }

        if (data.Form == Forms.TicketReplyId)
        {
            if (!long.TryParse(data["ticket"], NumberStyles.None, CultureInfo.InvariantCulture, out var ticket) || !IncidentId.TryParse(data["incident"], out var about))
                return TeamsActivities.Message(ChannelReplies.TicketReplyFormWithoutTicket);
            var sent = await turns.SubmitTicketReplyAsync(origin, Forms.ReadTicketReply(ticket, about, key => data[key]), ct);
            return Outcome(sent, Forms.TicketReply(ticket, about, ""), data, actions);
        }

        var filed = await turns.SubmitReportAsync(origin, Forms.ReadReport(key => data[key]), ct);
        return Outcome(filed, Forms.Report(plan), data, actions);
    }

    private JsonObject Outcome(FormResult result, FormSpec form, SubmittedData data, CardActions actions)
    {
        if (!result.Accepted)
            return TeamsActivities.Message(ChannelReplies.CorrectTheForm, AdaptiveFormRenderer.Render(form, data.Values, result.Errors));
        var reply = result.Reply ?? TurnReply.Say(ChannelReplies.Done);
        return replier.Render(reply, actions);
    }
}
