using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// Maps a channel's user ids to the plan's people. Someone the plan does not name is an employee:
/// they may report, view and escalate, nothing more.
/// </summary>
public sealed class IdentityMap(ResponsePlan plan, IEnumerable<IUserDirectory>? directories = null)
{
    private readonly IUserDirectory[] _directories = directories?.ToArray() ?? [];

    /// <summary>As <see cref="Resolve"/>, but someone outside the plan is named as their chat shows them when the channel can say.</summary>
    public async ValueTask<Actor> ResolveAsync(ChannelKind channel, string userId, string? userName, CancellationToken ct)
    {
        var actor = Resolve(channel, userId, userName);
        if (actor.Kind != ActorKind.Employee || Array.Find(_directories, d => d.Channel == channel) is not { } directory)
            return actor;
        return await directory.DisplayNameAsync(userId, ct) is { } name ? actor with { Name = name } : actor;
    }

    public Actor Resolve(ChannelKind channel, string userId, string? userName)
    {
        var person = channel switch
        {
            ChannelKind.Slack => plan.FindBySlackId(userId),
            ChannelKind.Teams => plan.FindByTeamsId(userId),
            _ => plan.FindPerson(userId),
        };
        if (person is not null)
            return Actor.Person(person.Id, person.Name);
        var name = string.IsNullOrWhiteSpace(userName) ? userId : userName.Trim();
        return Actor.Employee($"{channel.ToString().ToLowerInvariant()}:{userId}", name);
    }

    /// <summary>The plan person a mention points at, or null.</summary>
    public Person? Find(PersonMention mention)
    {
        if (mention.PlanPersonId is { } id)
            return ByIdOrName(id);
        if (mention.SlackUserId is { } slack)
            return plan.FindBySlackId(slack) ?? (mention.Label is { } label ? ByIdOrName(label) : null);
        if (mention.TeamsName is { } name)
            return ByIdOrName(name);
        return null;
    }

    /// <summary>Everyone who may be named in <c>assign</c>, for the answer to a name the plan does not know.</summary>
    public string Assignable() => string.Join(", ", plan.People.Select(p => $"{p.Name} (@{p.Id})"));

    // A Teams mention carries the display name ("Fay Smith") where the plan may say "Fay": the first word counts too.
    private Person? ByIdOrName(string text) =>
        plan.FindPerson(text)
        ?? plan.People.FirstOrDefault(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase))
        ?? (text.Split(' ', 2)[0] is var first && first.Length < text.Length
            ? plan.FindPerson(first) ?? plan.People.FirstOrDefault(p => string.Equals(p.Name, first, StringComparison.OrdinalIgnoreCase))
            : null);
}
