using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Conversations;

public sealed partial class CommandRoutes
{
    /// <summary>
    /// The Waive RCA button. A waiver needs a reason and a button cannot carry one, so a manager is told the
    /// command to type; anyone else goes through the desk, which refuses at once, names the managers and
    /// records the attempt. A manager pressing a card that is no longer waiting for its RCA hears why too.
    /// </summary>
    private async Task<TurnReply> WaivePromptAsync(TurnContext context, WaivePromptCommand command, CancellationToken ct)
    {
        var number = command.IncidentNumber;
        var manager = context.Who.Kind == ActorKind.PlanPerson && _desk.Plan.IsManager(context.Who.Id);
        if (manager && (await _desk.ShowAsync(number, context.Who, ct)).Incident?.State == IncidentState.RcaPending)
            return TurnReply.Say($"Waive the RCA of {IncidentId.Format(number)} with /incident rca waive {IncidentId.Format(number)} <reason>; the reason goes on the timeline and in the summaries.");
        return Reply(await _desk.WaiveRcaAsync(context.Who, number, "", ct));
    }
}
