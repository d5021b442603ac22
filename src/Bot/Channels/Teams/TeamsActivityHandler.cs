using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// One verified activity in: its conversation reference captured, then by type — a chat line, a pressed
/// button or a form (<c>message</c>), an <c>Action.Execute</c> (<c>invoke</c>, answered in the response), or
/// the bot joining a conversation (<c>conversationUpdate</c>, answered with a hello).
/// </summary>
internal sealed class TeamsActivityHandler(
    TurnHandler turns,
    TeamsReferences references,
    TeamsReplier replier,
    TeamsForms forms,
    TeamsInvokes invokes,
    ChannelLedger ledger,
    ILogger<TeamsActivityHandler> log)
{
    /// <summary>Handles the activity; returns the body of an invoke response, or null for a plain 200.</summary>
    public async Task<JsonObject?> HandleAsync(Activity activity, CancellationToken ct)
    {
        await references.CaptureAsync(activity, ct);
        switch (activity.Type)
        {
            case "message":
                if (activity.Id is { Length: > 0 } id && !await ledger.TryMarkEventAsync($"teams:{activity.BaseConversationId}:{id}", ct))
                {
                    log.LogDebug("Teams activity repeated; ignored");
                    return null;
                }

                await MessageAsync(activity, ct);
                return null;
            case "invoke":
                return await invokes.HandleAsync(activity, ct);
            case "conversationUpdate" when BotWasAdded(activity):
                await replier.ReplyAsync(activity with { Id = null }, TeamsActivities.Message(Hello), ct);
                return null;
            default:
                return null;
        }
    }

    private async Task MessageAsync(Activity activity, CancellationToken ct)
    {
        var data = SubmittedData.From(activity.Value);
        if (data?.Form is not null)
        {
            var card = await forms.SubmitAsync(Inbound(activity, ""), data, CardActions.Submit, ct);
            await replier.UpdatePressedAsync(activity, card, ct);
            return;
        }

        if (data?.Action is { } action)
        {
            var pressed = await turns.HandleAsync(Inbound(activity, "", action), ct);
            // The pressed card shows the new state at once; the outbox then updates its other copies.
            if (pressed.HasCard && pressed.Form is null)
                await replier.UpdatePressedAsync(activity, replier.Render(pressed), ct);
            else
                await replier.ReplyAsync(activity, replier.Render(pressed), ct);
            return;
        }

        var reply = await turns.HandleAsync(Inbound(activity, TeamsMessageText.CommandLine(activity)), ct);
        await replier.ReplyAsync(activity, replier.Render(reply), ct);
    }

    public static InboundMessage Inbound(Activity activity, string text, InboundAction? action = null) => new(
        ChannelKind.Teams,
        activity.From?.Id ?? "",
        activity.From?.Name,
        activity.BaseConversationId,
        activity.ThreadId,
        Command: null,
        text,
        action);

    private static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && string.Equals(m.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)) == true;

    public static string Hello => ChannelReplies.Hello;
}
