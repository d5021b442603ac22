using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// <c>adaptiveCard/action</c> invokes (<c>Action.Execute</c>), answered in the HTTP response with the
/// refreshed card, or with a message when there is no card to show.
/// </summary>
internal sealed class TeamsInvokes(TurnHandler turns, TeamsReplier replier, TeamsForms forms)
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    private const string MessageType = "application/vnd.microsoft.activity.message";

    public async Task<JsonObject?> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (!string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal))
            return null;
        var data = SubmittedData.FromInvoke(activity.Value, out var verb);
        if (data is null)
            return Message(ChannelReplies.CardActionWithoutData);

        JsonObject answer;
        if (data.Form is not null)
        {
            answer = await forms.SubmitAsync(TeamsActivityHandler.Inbound(activity, ""), data, CardActions.Execute, ct);
        }
        else if (verb == AdaptiveCardRenderer.RefreshVerb && IncidentId.TryParse(data["incident"], out var number))
        {
            var shown = await turns.HandleAsync(TeamsActivityHandler.Inbound(activity, $"incident show {IncidentId.Format(number)}"), ct);
            answer = replier.Render(shown, CardActions.Execute);
        }
        else if (data.Action is { } action)
        {
            answer = replier.Render(await turns.HandleAsync(TeamsActivityHandler.Inbound(activity, "", action), ct), CardActions.Execute);
        }
        else
        {
            return Message(ChannelReplies.UnknownCardAction);
        }

        var attachments = answer["attachments"] as JsonArray;
        return attachments?.FirstOrDefault()?["content"] is JsonObject card
            ? Card(card.DeepClone().AsObject())
            : Message((string?)answer["text"] ?? "Done.");
    }

    private static JsonObject Card(JsonObject card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = TeamsActivities.CardContentType,
        ["value"] = card,
    };

    private static JsonObject Message(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = text,
    };
}
