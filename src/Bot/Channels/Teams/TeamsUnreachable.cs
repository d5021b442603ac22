using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// A 403 MessageWritesBlocked means the user or team removed the bot: the conversation is marked unreachable
/// (until it talks to the bot again), and the management channel is told once.
/// </summary>
internal sealed class TeamsUnreachable(TeamsReferences references, TeamsTargets targets, BotConnectorClient connector, ILogger<TeamsUnreachable> log)
{
    public async Task<DeliveryException> MarkAsync(TeamsTarget target, ConnectorException blocked, CancellationToken ct)
    {
        var before = await references.FindAsync(target.Key, ct);
        await references.SaveAsync(target.Key, target.ConversationId, target.ServiceUrl, target.TenantId, ct, unreachable: true);
        if (target.Key != target.ConversationId)
            await references.SaveAsync(target.ConversationId, target.ConversationId, target.ServiceUrl, target.TenantId, ct, unreachable: true);

        if (before?.Unreachable != true)
        {
            log.LogWarning("Teams refuses writes to {Target}; marked unreachable", target.Label);
            await TellManagementAsync(target, ct);
        }

        return new DeliveryException($"Teams: {target.Label} removed the bot (MessageWritesBlocked)", transient: false, inner: blocked);
    }

    private async Task TellManagementAsync(TeamsTarget blocked, CancellationToken ct)
    {
        if (await targets.ManagementAsync(ct) is not { } management || management.ConversationId == blocked.ConversationId)
            return;
        var text = ChannelReplies.Unreachable(blocked.Label, "Teams");
        try
        {
            await connector.PostAsync(management.ServiceUrl, management.ConversationId, TeamsActivities.Message(text), ct);
        }
        catch (ConnectorException ex)
        {
            log.LogWarning("Could not tell the management channel about {Target}: {Error}", blocked.Label, ex.Message);
        }
    }
}
