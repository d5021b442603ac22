using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>The actors of <see cref="TestPlans.Standard"/>: L1 ana and ben, L2 chen, management dana; eve is on no level.</summary>
public static class People
{
    public static Actor Ana { get; } = Actor.Person("ana", "Ana");
    public static Actor Ben { get; } = Actor.Person("ben", "Ben");
    public static Actor Chen { get; } = Actor.Person("chen", "Chen");
    public static Actor Dana { get; } = Actor.Person("dana", "Dana");
    public static Actor Eve { get; } = Actor.Person("eve", "Eve");
}
