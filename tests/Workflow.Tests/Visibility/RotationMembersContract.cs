using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Desk;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Visibility;

/// <summary>
/// Private incidents on a ladder of rotations (L1 rotation:support, Ana on call then Ben; L2 rotation:eng, Chen;
/// management Dana): whoever a rotation paged is a member, and the lists' database rule agrees with show's.
/// </summary>
public abstract class RotationMembersContract : IAsyncLifetime
{
    private static readonly Actor Zed = Actor.Employee("slack:U09ZED", "Zed");
    private static readonly Actor[] Everyone = [Ana, Ben, Chen, Dana, Eve, Zed, Actor.Timer];
    private TestStore _store = null!;

    protected abstract StorageProvider Provider { get; }

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(Provider, OnCallDeskContract.Plan());

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [StoreFact]
    public async Task List_PrivateIncident_ShowsItToThePersonARotationPaged()
    {
        await _store.Desk.ReportAsync(Zed, new IncidentReport("Keys leaked", "sev1", Private: true));

        var ana = await _store.Desk.ListAsync(IncidentFilter.Open, Ana);
        var ben = await _store.Desk.ListAsync(IncidentFilter.Open, Ben);
        var anaSeverity = await _store.Desk.ListAsync(IncidentFilter.Severity, Ana, "sev1");

        (ana.Total, ana.Shown.Select(i => i.Id).ToList()).Should().BeEquivalentTo((1, new[] { "INC-1" }));
        (anaSeverity.Total, anaSeverity.Shown.Select(i => i.Id).ToList()).Should().BeEquivalentTo((1, new[] { "INC-1" }));
        (ben.Total, ben.Shown.Count).Should().Be((0, 0));
        (await _store.Desk.ShowAsync(1, Ana)).Status.Should().Be(DeskStatus.Unchanged);
    }

    [StoreFact]
    public async Task MayView_InTheDatabase_AgreesWithIsMemberAsARotationLadderIsClimbedAndReopened()
    {
        await _store.Desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddHours(4));
        await _store.Desk.ReportAsync(Zed, new IncidentReport("Keys leaked", "sev1", Private: true));
        await AgreeAsync("paged Eve under an override");
        await _store.Desk.EscalateAsync(Eve, 1, null);
        await AgreeAsync("at L2, Chen paged");
        await _store.Desk.ResolveAsync(Dana, 1, "Rotated the keys");
        await _store.Desk.ReopenAsync(Dana, 1);
        await AgreeAsync("reopened at L1");
        await _store.Desk.EscalateAsync(Eve, 1, null);
        await _store.Desk.EscalateAsync(Chen, 1, null);
        await AgreeAsync("at the top");
    }

    private async Task AgreeAsync(string step)
    {
        await using var db = await _store.OpenAsync();
        var incident = await db.Incidents.AsNoTracking().SingleAsync();
        foreach (var who in Everyone)
        {
            var inDatabase = await db.Incidents.Where(IncidentMembers.MayView(who, _store.Plan)).AnyAsync();
            inDatabase.Should().Be(incident.MayView(who, _store.Plan), $"{who.Id} {step} ({incident.PagedByLevel})");
        }
    }
}

public sealed class RotationMembersOnSqliteTests : RotationMembersContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

[OnPostgres]
public sealed class RotationMembersOnPostgresTests : RotationMembersContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}

public sealed class RotationMembersInMemoryTests : RotationMembersContract
{
    protected override StorageProvider Provider => StorageProvider.InMemory;
}
