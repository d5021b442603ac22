using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>The conversation labels of the local page, one per audience.</summary>
internal static class LocalConversations
{
    public const string Announce = "#incidents";
    public const string Management = "#management";
    public const string Support = "#support";

    public static string Incident(int number) => $"#inc-{number}";

    public static string Direct(string name) => $"DM {name}";

    public static string For(Audience audience, int? incidentNumber, string? personId, ResponsePlan plan) => audience switch
    {
        Audience.Announce => Announce,
        Audience.Management => Management,
        Audience.Support => Support,
        Audience.Incident when incidentNumber is { } n => Incident(n),
        Audience.Person when personId is not null => Direct(plan.FindPerson(personId)?.Name ?? personId),
        _ => Announce,
    };
}
