using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Keeps a rotation's <c>slackUserGroup</c> equal to whoever is on call (<c>usergroups.users.update</c>, scope
/// <c>usergroups:write</c>), so <c>@support-oncall</c> reaches the right people. Reads who is on call when it runs:
/// a delivery retried late still sets the group to the people on call then, not to a past turn. Several rotations
/// may name one group (a primary and a backup): the group holds whoever is on call on each of them, since the call
/// replaces the group's whole member list.
/// </summary>
internal sealed class SlackUserGroups(SlackApiClient api, Desk desk, ILogger<SlackUserGroups> log)
{
    public async Task SyncAsync(string rotationId, CancellationToken ct)
    {
        if (desk.Plan.FindRotation(rotationId) is not { SlackUserGroup: { } group })
            return;
        var roster = await desk.OnCallRosterAsync(ct);
        var now = desk.Now;
        var onCall = desk.Plan.Rotations
            .Where(r => string.Equals(r.SlackUserGroup, group, StringComparison.OrdinalIgnoreCase))
            .Select(r => (Rotation: r.Id, Person: roster.At(r.Id, now).PersonId))
            .DistinctBy(x => x.Person, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var users = new List<string>();
        foreach (var (rotation, personId) in onCall)
        {
            if (desk.Plan.FindPerson(personId)?.Slack is { } user)
                users.Add(user);
            else
                log.LogWarning("Slack user group {Group}: {Person}, on call for rotation {Rotation}, has no Slack id in the plan and is left out", group, personId, rotation);
        }

        // An empty list would empty the group (Slack refuses it anyway); keeping the last members is the lesser harm.
        if (users.Count == 0)
        {
            log.LogWarning("Slack user group {Group} not updated: nobody on call for its rotations has a Slack id in the plan", group);
            return;
        }

        await api.CallAsync("usergroups.users.update", new JsonObject { ["usergroup"] = group, ["users"] = string.Join(',', users) }, ct);
        log.LogInformation("Slack user group {Group} is now {People}", group, string.Join(", ", onCall.Select(x => x.Person)));
    }
}
