using System.Collections.Concurrent;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Where an audience lives in Slack: the plan's channels, a person's direct-message conversation, or an
/// incident's own channel (opened on its first card when the plan asks for a channel per incident).
/// </summary>
internal sealed class SlackTargets(ResponsePlan plan, SlackApiClient api, ChannelLedger ledger, ILogger<SlackTargets> log)
{
    public const string Channel = "slack";
    private readonly ConcurrentDictionary<string, string> _directMessages = new(StringComparer.Ordinal);

    // "channel user" pairs this process invited to a private channel, so a page does not invite someone already in it;
    // after a restart Slack's already_in_channel answers the same question.
    private readonly ConcurrentDictionary<string, bool> _invited = new(StringComparer.Ordinal);

    /// <summary>The conversation for a plan-level audience or a person; null when the plan names none in Slack.</summary>
    public async Task<string?> ConversationAsync(OutboxMessage message, CancellationToken ct) => message.Audience switch
    {
        Audience.Announce => plan.Channels.Announce.Slack,
        Audience.Management => plan.Channels.Management.Slack,
        Audience.Support => plan.Channels.Support.Slack,
        Audience.Person => await DirectMessageAsync(message.PersonId, ct),
        _ => null,
    };

    /// <summary>
    /// The incident's own channel if it has one, else the announce channel. A private incident always gets a channel
    /// of its own and never falls back to the announce channel: null until its channel is open.
    /// </summary>
    public async Task<string?> IncidentConversationAsync(int incidentNumber, bool isPrivate, CancellationToken ct) =>
        // An incident made private after its public thread was started has no channel of its own: its posts stay out of that thread.
        OwnChannel(isPrivate) && await ledger.ConversationOfIncidentAsync(Channel, incidentNumber, ct) is { } own && !own.Contains('/', StringComparison.Ordinal)
            ? own
            : isPrivate ? null : plan.Channels.Announce.Slack;

    /// <summary>Whether the incident's conversation is a channel of its own: the plan asks for one, or the incident is private.</summary>
    public bool OwnChannel(bool isPrivate) => plan.Channels.PerIncident || isPrivate;

    /// <summary>
    /// Adds someone paged for a private incident to its private channel: only members are in it, and more join as the
    /// ladder climbs. Nothing to do before the channel is open (it is opened with every member of that moment).
    /// </summary>
    public async Task JoinPrivateChannelAsync(IncidentView incident, string? personId, CancellationToken ct)
    {
        if (!incident.IsPrivate || SlackUserOf(personId) is not { } user
            || await ledger.ConversationOfIncidentAsync(Channel, incident.Number, ct) is not { } channel || channel.Contains('/', StringComparison.Ordinal)
            || _invited.ContainsKey($"{channel} {user}"))
            return;
        try
        {
            await api.InviteAsync(channel, [user], ct);
            _invited[$"{channel} {user}"] = true;
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
            log.LogWarning("Could not add a paged person to the private channel of {Incident}: {Error}", incident.Id, ex.Error);
        }
    }

    /// <summary>
    /// The incident channel, created on first use. Bound in the ledger before anything else happens so a
    /// retry after a crash finds it instead of opening a second one.
    /// </summary>
    public async Task<string> OpenIncidentChannelAsync(IncidentView incident, CancellationToken ct)
    {
        if (await ledger.ConversationOfIncidentAsync(Channel, incident.Number, ct) is { } existing)
            return existing;
        var channel = await api.CreateChannelAsync(SlackChannelName.For(incident.Number, incident.Title), ct, incident.IsPrivate);
        await ledger.BindConversationAsync(Channel, channel, incident.Number, ct);
        log.LogInformation("Opened Slack channel {Channel} for {Incident}", channel, incident.Id);

        // A private channel holds its members (paged, reporter, commander, managers); a public one the paged and the reporter.
        var invited = incident.IsPrivate ? incident.Members : incident.Paged;
        var people = invited.Select(p => plan.FindPerson(p.Id)?.Slack).Append(SlackUserOf(incident.ReporterId))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (people.Count > 0)
        {
            try
            {
                await api.InviteAsync(channel, people, ct);
                if (incident.IsPrivate)
                {
                    foreach (var person in people)
                        _invited[$"{channel} {person}"] = true;
                }
            }
            catch (SlackApiException ex) when (!ex.Transient)
            {
                // A missing invitee (deactivated, not in the workspace) must not keep the card from being posted.
                log.LogWarning("Could not invite people to the channel of {Incident}: {Error}", incident.Id, ex.Error);
            }
        }

        return channel;
    }

    /// <summary>Whether the plan wants an own channel for each incident.</summary>
    public bool PerIncident => plan.Channels.PerIncident;

    public string? Announce => plan.Channels.Announce.Slack;

    private async Task<string?> DirectMessageAsync(string? personId, CancellationToken ct)
    {
        if (personId is null || plan.FindPerson(personId)?.Slack is not { } user)
            return null;
        if (_directMessages.TryGetValue(user, out var known))
            return known;
        var dm = await api.OpenDirectMessageAsync(user, ct);
        _directMessages[user] = dm;
        return dm;
    }

    private string? SlackUserOf(string? actorId)
    {
        if (actorId is null)
            return null;
        if (actorId.StartsWith("slack:", StringComparison.Ordinal))
            return actorId["slack:".Length..];
        return plan.FindPerson(actorId)?.Slack;
    }
}
