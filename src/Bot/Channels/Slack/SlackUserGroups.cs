using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Keeps a rotation's <c>slackUserGroup</c> equal to whoever is on call (<c>usergroups.users.update</c>, scope
/// <c>usergroups:write</c>), so <c>@support-oncall</c> reaches the right person. Reads who is on call when it runs:
/// a delivery retried late still sets the group to the person on call then, not to a past turn.
/// </summary>
internal sealed class SlackUserGroups(SlackApiClient api, Desk desk, ILogger<SlackUserGroups> log)
{
    public async Task SyncAsync(string rotationId, CancellationToken ct)
    {
        if (desk.Plan.FindRotation(rotationId) is not { SlackUserGroup: { } group } rotation)
            return;
        var roster = await desk.OnCallRosterAsync(ct);
        var personId = roster.At(rotation.Id, desk.Now).PersonId;
        if (desk.Plan.FindPerson(personId)?.Slack is not { } user)
        {
            log.LogWarning("Slack user group {Group} of rotation {Rotation} not updated: {Person} has no Slack id in the plan", group, rotation.Id, personId);
            return;
        }

        await api.CallAsync("usergroups.users.update", new JsonObject { ["usergroup"] = group, ["users"] = user }, ct);
        log.LogInformation("Slack user group {Group} of rotation {Rotation} is now {Person}", group, rotation.Id, personId);
    }
}
