using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>Answers a turn in the conversation it came from: a reply in the thread, or the pressed card updated in place.</summary>
internal sealed class TeamsReplier([FromKeyedServices(InteractiveRetry.Key)] BotConnectorClient connector, ResponsePlan plan, ILogger<TeamsReplier> log)
{
    /// <summary>The reply as an activity: the sentence, with the incident card or the form it asks for.</summary>
    public JsonObject Render(TurnReply reply, CardActions actions = CardActions.Submit) =>
        TeamsActivities.Message(reply.Text, CardOf(reply, actions));

    public JsonObject? CardOf(TurnReply reply, CardActions actions = CardActions.Submit) => reply switch
    {
        { Form: { } form } when Forms.For(form, plan) is { } spec => AdaptiveFormRenderer.Render(spec),
        { CardToShow: { } card } => AdaptiveCardRenderer.Card(card, actions),
        _ => null,
    };

    public async Task ReplyAsync(Activity to, JsonObject message, CancellationToken ct)
    {
        if (to.ServiceUrl is null || to.Conversation?.Id is null)
            return;
        try
        {
            if (to.Id is { Length: > 0 } id)
                await connector.ReplyAsync(to.ServiceUrl, to.Conversation.Id, id, message, ct);
            else
                await connector.PostAsync(to.ServiceUrl, to.Conversation.Id, message, ct);
        }
        catch (ConnectorException ex)
        {
            // The turn itself succeeded (and its outbox posts follow); only the answer to the asker is lost.
            log.LogWarning("Teams reply not delivered: {Error}", ex.Message);
        }
    }

    /// <summary>Replaces the card a button was pressed on; falls back to a reply when that card is unknown.</summary>
    public async Task UpdatePressedAsync(Activity pressed, JsonObject message, CancellationToken ct)
    {
        if (pressed.ReplyToId is not { Length: > 0 } cardId || pressed.ServiceUrl is null || pressed.Conversation?.Id is null)
        {
            await ReplyAsync(pressed, message, ct);
            return;
        }

        try
        {
            await connector.UpdateAsync(pressed.ServiceUrl, pressed.Conversation.Id, cardId, message, ct);
        }
        catch (ConnectorException ex)
        {
            log.LogWarning("Teams card not updated in place: {Error}", ex.Message);
        }
    }
}
