using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

public sealed class WaiveRouteTests
{
    private static async Task<RouteHost> WaitingForRcaAsync()
    {
        var host = new RouteHost();
        await host.IncidentAsync("eve", "report Payments down sev1");
        await host.IncidentAsync("ana", "ack 1");
        await host.IncidentAsync("ana", "resolve 1 Vendor fixed their gateway");
        await host.IncidentAsync("ana", "close 1");
        return host;
    }

    [Fact]
    public async Task RcaWaive_ByAManager_ClosesTheIncident()
    {
        await using var host = await WaitingForRcaAsync();

        var reply = await host.IncidentAsync("dana", "rca waive INC-1 Vendor outage; their post-mortem covers it");

        reply.Text.Should().Be("Dana waived the RCA of INC-1 and closed it: Vendor outage; their post-mortem covers it");
        (await host.Desk.ShowAsync(1)).Incident!.State.Should().Be(Workflow.Incidents.IncidentState.Closed);
    }

    [Fact]
    public async Task RcaWaive_ByAResponder_IsRefusedNamingTheManagers()
    {
        await using var host = await WaitingForRcaAsync();

        var reply = await host.IncidentAsync("fay", "rca waive 1 no time");

        reply.Text.Should().Be("Only a manager may waive the RCA of INC-1; Fay is not one. Ask Dana.");
    }

    [Fact]
    public async Task WaiveButton_PressedByAManager_SaysTheCommandToType()
    {
        await using var host = await WaitingForRcaAsync();

        var reply = await host.PressAsync("dana", ActionIds.Waive, "INC-1");

        reply.Text.Should().Be("Waive the RCA of INC-1 with /incident rca waive INC-1 <reason>; the reason goes on the timeline and in the summaries.");
        (await host.Desk.ShowAsync(1)).Incident!.State.Should().Be(Workflow.Incidents.IncidentState.RcaPending);
    }

    [Fact]
    public async Task WaiveButton_PressedBySomeoneElse_IsRefusedNamingTheManagers()
    {
        await using var host = await WaitingForRcaAsync();

        var reply = await host.PressAsync("ana", ActionIds.Waive, "INC-1");

        reply.Text.Should().Be("Only a manager may waive the RCA of INC-1; Ana is not one. Ask Dana.");
    }

    [Fact]
    public async Task WaiveButton_OnAClosedIncident_SaysItIsClosed()
    {
        await using var host = await WaitingForRcaAsync();
        await host.IncidentAsync("dana", "rca waive 1 Vendor outage");

        var reply = await host.PressAsync("dana", ActionIds.Waive, "INC-1");

        reply.Text.Should().Be("INC-1 is closed.");
    }

    [Fact]
    public async Task Card_WaitingForItsRca_OffersSubmitAndWaive()
    {
        await using var host = await WaitingForRcaAsync();

        var card = IncidentCard.Render((await host.Desk.ShowAsync(1)).Incident!);

        card.Buttons.Select(b => (b.Text, b.ActionId, b.Value)).Should().Equal(
            ("Submit RCA", ActionIds.Rca, "INC-1"),
            ("Waive RCA", ActionIds.Waive, "INC-1"));
    }
}
