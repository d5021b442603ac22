using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

public sealed class ListRouteTests
{
    private static readonly Actor Eve = Actor.Employee("local:eve", "eve");

    [Fact]
    public async Task List_WithMoreThanAPage_GivesTheTrueCountAndSaysHowManyAreShown()
    {
        await using var host = new RouteHost();
        for (var n = 1; n <= 120; n++)
            await host.Desk.ReportAsync(Eve, new IncidentReport($"Outage {n}", n % 2 == 0 ? "sev2" : "sev3"));

        var reply = await host.IncidentAsync("eve", "list");

        var lines = reply.Text.Split('\n');
        lines[0].Should().Be("120 open incidents; the 50 most urgent are shown:");
        lines.Length.Should().Be(51);
        lines[1].Should().Be("INC-120 · sev2 · reported · Outage 120 · owner nobody");
        lines[50].Should().Be("INC-22 · sev2 · reported · Outage 22 · owner nobody");
    }

    [Fact]
    public async Task List_OrdersMostUrgentSeverityFirstAndNewestFirstWithinIt()
    {
        await using var host = new RouteHost();
        await host.Desk.ReportAsync(Eve, new IncidentReport("Typo on pricing page", "sev4"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Search slow", "sev2"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Login slow", "sev2"));
        await host.IncidentAsync("ana", "ack 2");

        var reply = await host.IncidentAsync("eve", "list");

        reply.Text.Should().Be(
            "4 open incidents:\n"
            + "INC-3 · sev1 · reported · Payments down · owner nobody\n"
            + "INC-4 · sev2 · reported · Login slow · owner nobody\n"
            + "INC-2 · sev2 · acknowledged · Search slow · owner Ana\n"
            + "INC-1 · sev4 · reported · Typo on pricing page · owner nobody");
    }

    [Fact]
    public async Task ListMineOfASeverity_CountsOnlyThose()
    {
        await using var host = new RouteHost();
        await host.Desk.ReportAsync(Eve, new IncidentReport("Search slow", "sev2"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Login slow", "sev2"));
        await host.IncidentAsync("ana", "ack 1");
        await host.IncidentAsync("ana", "ack 2");

        var mine = await host.IncidentAsync("ana", "list mine sev2");
        var severity = await host.IncidentAsync("eve", "list sev2");
        var none = await host.IncidentAsync("ben", "list mine");

        mine.Text.Should().Be("You have 1 open sev2 incident:\nINC-1 · sev2 · acknowledged · Search slow · owner Ana");
        severity.Text.Should().Be("2 open sev2 incidents:\nINC-3 · sev2 · reported · Login slow · owner nobody\nINC-1 · sev2 · acknowledged · Search slow · owner Ana");
        none.Text.Should().Be("You have no open incidents.");
    }

    [Fact]
    public async Task ListClosed_ShowsTheMostRecentlyFinishedFirst()
    {
        await using var host = new RouteHost();
        await host.Desk.ReportAsync(Eve, new IncidentReport("Printer jam", "sev3"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Duplicate of INC-1", "sev3"));
        await host.Desk.ReportAsync(Eve, new IncidentReport("Still broken", "sev3"));
        await host.IncidentAsync("ana", "resolve 1 cleared the tray");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.IncidentAsync("ana", "cancel 2 duplicate of INC-1");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.IncidentAsync("ana", "close 1");

        var reply = await host.IncidentAsync("eve", "list closed");

        reply.Text.Should().Be(
            "2 closed or cancelled incidents, most recent first:\n"
            + "INC-1 · sev3 · closed · Printer jam · owner nobody\n"
            + "INC-2 · sev3 · cancelled · Duplicate of INC-1 · owner nobody");
    }

    [Fact]
    public async Task ListClosed_WithMoreThanAPage_GivesTheTrueCount()
    {
        await using var host = new RouteHost();
        for (var n = 1; n <= 53; n++)
        {
            await host.Desk.ReportAsync(Eve, new IncidentReport($"False alarm {n}", "sev3"));
            await host.IncidentAsync("ana", $"cancel {n} false alarm");
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await host.Desk.ReportAsync(Eve, new IncidentReport("Still open", "sev3"));

        var lines = (await host.IncidentAsync("eve", "list closed")).Text.Split('\n');

        lines[0].Should().Be("53 closed or cancelled incidents; the 50 most recently finished are shown:");
        lines.Length.Should().Be(51);
        lines[1].Should().Be("INC-53 · sev3 · cancelled · False alarm 53 · owner nobody");
        lines[50].Should().Be("INC-4 · sev3 · cancelled · False alarm 4 · owner nobody");
    }

    [Fact]
    public async Task ListClosed_WhenNothingFinished_SaysSo()
    {
        await using var host = new RouteHost();
        await host.Desk.ReportAsync(Eve, new IncidentReport("Still open", "sev3"));

        var reply = await host.IncidentAsync("eve", "list closed");

        reply.Text.Should().Be("No closed or cancelled incidents yet.");
    }
}
