using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>A conversation the bot can post to: where (serviceUrl, id, tenant) and the reference key it was found by.</summary>
internal sealed record TeamsTarget(string ServiceUrl, string ConversationId, string? TenantId, string Key, string Label);

/// <summary>
/// Where an audience lives in Teams: the plan's channels (with a serviceUrl from a stored reference), a
/// person's 1:1 chat (stored, or created with their Teams id), or the conversation of a recorded post.
/// Conversations marked unreachable are not offered.
/// </summary>
internal sealed class TeamsTargets(
    ResponsePlan plan,
    TeamsReferences references,
    BotConnectorClient connector,
    IOptions<TeamsOptions> options,
    ILogger<TeamsTargets> log)
{
    public async Task<TeamsTarget?> ForAsync(OutboxMessage message, CancellationToken ct) => message.Audience switch
    {
        Audience.Announce or Audience.Incident => await PlanChannelAsync(plan.Channels.Announce.Teams, "announce", ct),
        Audience.Management => await PlanChannelAsync(plan.Channels.Management.Teams, "management", ct),
        Audience.Support => await PlanChannelAsync(plan.Channels.Support.Teams, "support", ct),
        Audience.Person when message.PersonId is { } person => await PersonAsync(person, ct),
        _ => null,
    };

    /// <summary>Whether the plan names a Teams announce channel, where incident cards and their threads live.</summary>
    public bool HasAnnounce => !string.IsNullOrWhiteSpace(plan.Channels.Announce.Teams);

    public Task<TeamsTarget?> ManagementAsync(CancellationToken ct) => PlanChannelAsync(plan.Channels.Management.Teams, "management", ct);

    /// <summary>The conversation of an earlier post (to update it).</summary>
    public async Task<TeamsTarget?> OfConversationAsync(string conversationId, CancellationToken ct)
    {
        var reference = await references.FindAsync(conversationId, ct) ?? await references.FindAsync(TeamsReferences.AnyService, ct);
        if (reference?.ServiceUrl is null || (reference.Key == conversationId && reference.Unreachable))
            return null;
        return new TeamsTarget(reference.ServiceUrl, conversationId, reference.TenantId, conversationId, conversationId);
    }

    private async Task<TeamsTarget?> PlanChannelAsync(string? planId, string role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(planId))
            return null;
        var conversation = TeamsIds.BaseConversation(planId);
        var own = await references.FindAsync(conversation, ct);
        if (own?.Unreachable == true)
            return null;
        // A channel the bot never heard from is still reachable through the serviceUrl of its team or tenant.
        var reference = own ?? await references.FindAsync(role, ct) ?? await references.FindAsync(TeamsReferences.AnyService, ct);
        if (reference?.ServiceUrl is null)
        {
            log.LogWarning("No Teams serviceUrl known yet for the {Role} channel; install the app in its team first", role);
            return null;
        }

        return new TeamsTarget(reference.ServiceUrl, conversation, reference.TenantId, conversation, $"the {role} channel");
    }

    /// <summary>A plan person's 1:1 chat with the bot (stored, or created with their Teams id); null when it cannot be reached.</summary>
    public async Task<TeamsTarget?> PersonAsync(string personId, CancellationToken ct)
    {
        if (plan.FindPerson(personId) is not { } person)
            return null;
        var key = TeamsReferences.PersonKey(person.Id);
        if (await references.FindAsync(key, ct) is { ServiceUrl: { } url } stored)
            return stored.Unreachable ? null : new TeamsTarget(url, stored.ConversationId, stored.TenantId, key, person.Name);
        if (person.Teams is null || await references.FindAsync(TeamsReferences.AnyService, ct) is not { ServiceUrl: { } serviceUrl } any)
            return null;

        var tenant = options.Value.TenantId ?? any.TenantId;
        var conversation = await connector.CreateConversationAsync(serviceUrl, person.Teams, tenant, ct);
        if (conversation.Length == 0)
            return null;
        await references.SaveAsync(key, conversation, serviceUrl, tenant, ct);
        await references.SaveAsync(conversation, conversation, serviceUrl, tenant, ct);
        log.LogInformation("Opened a Teams 1:1 chat with {Person}", person.Id);
        return new TeamsTarget(serviceUrl, conversation, tenant, key, person.Name);
    }
}
