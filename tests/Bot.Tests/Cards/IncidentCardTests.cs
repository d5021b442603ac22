using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Cards;

public class IncidentCardTests
{
    private static readonly IncidentView Resolved = IncidentViews.Reported(7, "Checkout fails") with
    {
        Impact = "No card payments",
        Description = "Since the 14:00 deploy every payment returns 502.",
        Resolution = "Rolled back the deploy",
        SeverityId = "sev2",
        SeverityName = "High",
        State = IncidentState.Resolved,
        ReporterName = "Erin Lee",
        Version = 3,
    };

    [Fact]
    public void Render_OfAnIncidentMonitoringOpened_SaysWhatItsAlertsSayBeforeTheResolution()
    {
        var card = IncidentCard.Render(Resolved with { AlertNote = "all alerts resolved", ReporterName = "Alertmanager (prometheus)" });

        card.Summary.Should().Be("Impact: No card payments\nDescription: Since the 14:00 deploy every payment returns 502.\nAlerts: all alerts resolved\nResolution: Rolled back the deploy");
    }

    [Fact]
    public void Render_ShowsImpactDescriptionAndResolutionInThatOrder()
    {
        var card = IncidentCard.Render(Resolved);

        card.Summary.Should().Be("Impact: No card payments\nDescription: Since the 14:00 deploy every payment returns 502.\nResolution: Rolled back the deploy");
    }

    [Fact]
    public void Render_WithNothingButATitle_HasNoSummary()
    {
        var card = IncidentCard.Render(Resolved with { Impact = null, Description = null, Resolution = null });

        card.Summary.Should().BeNull();
    }
}
