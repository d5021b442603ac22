using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Conversations;

// Corrective actions: /incident action add|set|done|drop, /incident actions, and the Done button of a reminder.
public sealed partial class CommandRoutes
{
    private const int ActionPage = 50;

    private void RouteActions()
    {
        Route<ActionAddCommand>((c, x, ct) => WithOwner(x.Owner, owner =>
            TextOnly(OnIncident(c, x.IncidentNumber, "action add", n => _desk.AddActionAsync(c.Who, n, x.Text, owner!.Id, x.Due, ct)))));
        Route<ActionSetCommand>((c, x, ct) => WithOwner(x.Owner, owner =>
            TextOnly(OnIncident(c, x.IncidentNumber, "action set", n => _desk.SetActionAsync(c.Who, n, x.Action, owner?.Id, x.Due, ct)))));
        Route<ActionDoneCommand>((c, x, ct) => TextOnly(OnIncident(c, x.IncidentNumber, "action done", n => _desk.CompleteActionAsync(c.Who, n, x.Action, ct))));
        Route<ActionDropCommand>((c, x, ct) => TextOnly(OnIncident(c, x.IncidentNumber, "action drop", n => _desk.DropActionAsync(c.Who, n, x.Action, x.Reason, ct))));
        Route<ActionsCommand>(ActionsAsync);
    }

    // An action's change leaves the incident as it was: the answer is the sentence, not the card again.
    private static async Task<TurnReply> TextOnly(Task<TurnReply> reply) => TurnReply.Say((await reply).Text);

    private Task<TurnReply> WithOwner(PersonMention? mention, Func<Person?, Task<TurnReply>> then)
    {
        if (mention is null)
            return then(null);
        return _identities.Find(mention) is { } person
            ? then(person)
            : Task.FromResult(TurnReply.Say($"{mention.Raw} is not in the response plan, and only its people can own a corrective action. Owners: {_identities.Assignable()}."));
    }

    private async Task<TurnReply> ActionsAsync(TurnContext context, ActionsCommand command, CancellationToken ct)
    {
        if (command.Scope == ActionsScope.Incident && await context.IncidentAsync(command.IncidentNumber) is { } number)
        {
            if (await _desk.ActionsOfAsync(number, context.Who, ct) is not { } actions)
                return TurnReply.Say(Workflow.Desk.DeskResult.NotFound(number).Message);
            var id = IncidentId.Format(number);
            return TurnReply.Say(actions.Count == 0
                ? $"{id} has no corrective actions. Add one with /incident action add {id} <text> owner <@person> [due <duration|YYYY-MM-DD>]."
                : Lines($"Corrective actions of {id} ({actions.Count}):", actions, actions.Count));
        }

        // Bare "actions" outside an incident's channel: the sender's own.
        var filter = command.Scope == ActionsScope.Overdue ? ActionFilter.Overdue : ActionFilter.Mine;
        var list = await _desk.ListActionsAsync(filter, context.Who, ActionPage, ct);
        if (list.Total == 0)
            return TurnReply.Say(filter == ActionFilter.Mine ? "You have no open corrective actions." : "No corrective action is overdue.");
        return TurnReply.Say(Lines(filter == ActionFilter.Mine ? $"Your open corrective actions ({list.Total}):" : $"Overdue corrective actions ({list.Total}):", list.Shown, list.Total));
    }

    private string Lines(string header, IReadOnlyList<ActionView> actions, int total)
    {
        var text = new StringBuilder(header);
        foreach (var action in actions)
            text.Append('\n').Append(_desk.ActionLine(action));
        if (total > actions.Count)
            text.Append(CultureInfo.InvariantCulture, $"\n… and {total - actions.Count} more.");
        return text.ToString();
    }

    /// <summary>
    /// Chat mentions inside an RCA's actions (<c>&lt;@U01ANA&gt;</c>, <c>&lt;at&gt;Ana&lt;/at&gt;</c>) become the plan id
    /// (<c>@ana</c>) the workflow reads owners by; a mention of someone outside the plan stays as written.
    /// </summary>
    internal string? PlanMentions(string? text) => text is null ? null : MentionToken().Replace(text, m =>
        Mentions.TryParse(m.Value, out var mention) && _identities.Find(mention) is { } person ? "@" + person.Id : m.Value);

    [GeneratedRegex(@"<@[UW][A-Z0-9]+(\|[^>]*)?>|<at>[^<]{1,64}</at>", RegexOptions.IgnoreCase)]
    private static partial Regex MentionToken();
}
