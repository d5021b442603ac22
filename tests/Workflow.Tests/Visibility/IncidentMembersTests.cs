using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Visibility;

/// <summary>The membership rule and its database form must never disagree: the lists use one, show and commands the other.</summary>
public sealed class IncidentMembersTests : SqliteStoreTest
{
    private static readonly Actor[] Everyone =
        [People.Ana, People.Ben, People.Chen, People.Dana, People.Eve, Actor.Employee("slack:U09ZED", "Zed"), Actor.Timer];

    [Fact]
    public async Task MayView_InTheDatabase_AgreesWithIsMemberForEveryoneAtEveryStep()
    {
        await Store.Desk.ReportAsync(Actor.Employee("slack:U09ZED", "Zed"), new IncidentReport("Keys leaked", "sev1", Private: true));
        await AgreeAsync("reported");
        await Store.Desk.EscalateAsync(People.Ana, 1, null);
        await AgreeAsync("at L2");
        await Store.Desk.AssignAsync(People.Dana, 1, "eve");
        await AgreeAsync("with a commander");
        await Store.Desk.EscalateAsync(People.Chen, 1, null);
        await AgreeAsync("at the top");
    }

    [Fact]
    public async Task IsMember_Private_ReporterPagedCommanderAndManagersOnly()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Keys leaked", "sev1", Private: true));
        await using var db = await Store.OpenAsync();
        var incident = await db.Incidents.SingleAsync();

        Everyone.Where(a => incident.IsMember(a, Store.Plan)).Select(a => a.Id).Should().Equal("ana", "ben", "dana", "eve", "timer");
    }

    private async Task AgreeAsync(string step)
    {
        await using var db = await Store.OpenAsync();
        var incident = await db.Incidents.AsNoTracking().SingleAsync();
        foreach (var who in Everyone)
        {
            var inDatabase = await db.Incidents.Where(IncidentMembers.MayView(who, Store.Plan)).AnyAsync();
            inDatabase.Should().Be(incident.MayView(who, Store.Plan), $"{who.Id} {step}");
        }
    }
}
