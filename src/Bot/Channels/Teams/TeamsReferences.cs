using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// Conversation references captured on every inbound turn, for proactive posts later: by conversation id,
/// by plan person (their 1:1 chat), by plan channel role (<c>announce</c>, <c>management</c>, <c>support</c>),
/// and the last one seen (<c>~service</c>), whose serviceUrl and tenant open new 1:1 chats.
/// </summary>
internal sealed class TeamsReferences(ChannelLedger ledger, ResponsePlan plan)
{
    public const string AnyService = "~service"; // not a valid plan person id, so it cannot clash

    public async Task CaptureAsync(Activity activity, CancellationToken ct)
    {
        var conversation = activity.BaseConversationId;
        if (conversation.Length == 0 || activity.ServiceUrl is null)
            return;
        foreach (var key in KeysOf(activity, conversation))
            await SaveAsync(key, conversation, activity.ServiceUrl, activity.TenantId, ct);
    }

    public Task<ConversationReference?> FindAsync(string key, CancellationToken ct) => ledger.FindReferenceAsync(TeamsIds.Channel, key, ct);

    public Task SaveAsync(string key, string conversationId, string serviceUrl, string? tenantId, CancellationToken ct, bool unreachable = false) =>
        ledger.SaveReferenceAsync(new ConversationReference
        {
            Channel = TeamsIds.Channel,
            Key = key,
            ConversationId = conversationId,
            ServiceUrl = serviceUrl,
            TenantId = tenantId,
            Unreachable = unreachable,
        }, ct);

    /// <summary>The plan role of a conversation (<c>announce</c>, …), when the plan names it.</summary>
    public IEnumerable<string> RolesOf(string conversationId)
    {
        if (Same(plan.Channels.Announce.Teams, conversationId))
            yield return "announce";
        if (Same(plan.Channels.Management.Teams, conversationId))
            yield return "management";
        if (Same(plan.Channels.Support.Teams, conversationId))
            yield return "support";
    }

    private IEnumerable<string> KeysOf(Activity activity, string conversation)
    {
        yield return conversation;
        yield return AnyService;
        if (activity.IsPersonal && activity.From?.Id is { } userId && plan.FindByTeamsId(userId) is { } person)
            yield return PersonKey(person.Id);
        foreach (var role in RolesOf(conversation))
            yield return role;
    }

    public static string PersonKey(string personId) => personId;

    private static bool Same(string? planId, string conversationId) =>
        planId is not null && string.Equals(TeamsIds.BaseConversation(planId), conversationId, StringComparison.OrdinalIgnoreCase);
}
