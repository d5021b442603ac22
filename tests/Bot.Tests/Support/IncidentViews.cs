using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Support;

/// <summary>Incident views for tests that render cards without a host; vary them with <c>with</c>.</summary>
internal static class IncidentViews
{
    public static IncidentView Reported(int number = 1, string title = "Checkout is down") => new()
    {
        Number = number,
        Title = title,
        SeverityId = "sev1",
        SeverityName = "Critical",
        State = IncidentState.Reported,
        Level = 1,
        LevelId = "L1",
        LevelName = "Support on-call",
        Paged = [],
        ReporterName = "Eve",
        ReportedAt = new DateTimeOffset(2025, 3, 4, 4, 30, 0, TimeSpan.Zero),
        Version = 1,
    };
}
