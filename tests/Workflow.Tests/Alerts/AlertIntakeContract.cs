using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Alerts;

/// <summary>Alert groups into incidents through the desk, stored: the same on SQLite and on PostgreSQL.</summary>
public abstract class AlertIntakeContract : IAsyncLifetime
{
    protected TestStore Store { get; private set; } = null!;

    protected abstract StorageProvider Provider { get; }

    public async Task InitializeAsync() => Store = await TestStore.CreateAsync(Provider, AlertPlans.WithPrometheus(autoResolve: true, stormGroups: 3));

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [StoreFact]
    public async Task Firing_NewGroup_OpensOneIncidentAtTheMappedSeverityReportedByTheSource()
    {
        var result = await IngestAsync(Group("g1", AlertStatus.Firing, "critical", "Disk full on db-1"));

        result.Groups.Should().Equal(new AlertGroupOutcome("g1", 1, AlertEffect.Opened));
        var incident = (await Store.Desk.ShowAsync(1)).Incident!;
        (incident.Title, incident.SeverityId, incident.ReporterName, incident.Impact, incident.Description).Should().Be(
            ("Disk full on db-1", "sev1", "Alertmanager (prometheus)", (string?)null, "Labels: alertname=Disk full on db-1, severity=critical\nSource: http://am.example/#/alerts"));
        (await PagesAsync(1)).Should().Be(2); // level 1: Ana and Ben
    }

    [StoreFact]
    public async Task Firing_SameDeliveryTwice_HasOneEffect()
    {
        var signal = Group("g1", AlertStatus.Firing, "warning", "Latency high");

        await IngestAsync(signal);
        var retry = await IngestAsync(signal);

        retry.Groups.Should().Equal(new AlertGroupOutcome("g1", 1, AlertEffect.Unchanged));
        (await CountAsync<Incident>()).Should().Be(1);
        (await TimelineAsync(1)).Should().Equal("reported");
        (await PagesAsync(1)).Should().Be(2);
    }

    [StoreFact]
    public async Task Firing_MoreAlertsInTheGroup_SaysStillFiringWithoutANewPage()
    {
        await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high"));

        var repeat = await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high", alerts: 3));

        repeat.Groups.Should().Equal(new AlertGroupOutcome("g1", 1, AlertEffect.StillFiring));
        (await TimelineTextsAsync(1)).Should().Equal(
            "Alertmanager (prometheus) reported INC-1 (Medium): Latency high",
            "Still firing, 3 alerts: Latency high.");
        (await Store.Desk.ShowAsync(1)).Incident!.AlertNote.Should().Be("3 alerts firing");
        (await PagesAsync(1)).Should().Be(2);
    }

    [StoreFact]
    public async Task Resolved_WithAutoResolveAndNobodyActing_ResolvesTheIncidentByItsAlerts()
    {
        await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high"));

        var resolved = await IngestAsync(Group("g1", AlertStatus.Resolved, "warning", "Latency high"));

        resolved.Groups.Should().Equal(new AlertGroupOutcome("g1", 1, AlertEffect.Resolved));
        var incident = (await Store.Desk.ShowAsync(1)).Incident!;
        (incident.State, incident.Resolution, incident.AlertNote).Should().Be((IncidentState.Resolved, Incident.ResolvedByAlerts, "all alerts resolved"));
        (await TimelineAsync(1)).Should().Equal("reported", "alerts", "resolved");
    }

    [StoreFact]
    public async Task Resolved_AfterAPersonAcknowledged_KeepsTheIncidentOpenAndAsksTheOwner()
    {
        await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high"));
        await Store.Desk.AcknowledgeAsync(Ana, 1);

        await IngestAsync(Group("g1", AlertStatus.Resolved, "warning", "Latency high"));

        (await Store.Desk.ShowAsync(1)).Incident!.State.Should().Be(IncidentState.Acknowledged);
        var asked = await NoticesAsync(1, NoticeKind.AlertsResolved);
        asked.Should().Equal((Audience.Person, "ana",
            "The alerts of INC-1 (Latency high) have resolved. If the incident is over, resolve it: the button or /incident resolve INC-1 <resolution>."));
    }

    [StoreFact]
    public async Task Firing_AfterResolvingWithinTheReopenWindow_ReopensTheIncident()
    {
        await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high"));
        await IngestAsync(Group("g1", AlertStatus.Resolved, "warning", "Latency high"));
        Store.Time.Advance(TimeSpan.FromHours(1));

        var again = await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high", startedMinutesAgo: 1));

        again.Groups.Should().Equal(new AlertGroupOutcome("g1", 1, AlertEffect.Reopened));
        (await Store.Desk.ShowAsync(1)).Incident!.State.Should().Be(IncidentState.Reported);
        (await TimelineAsync(1)).Should().Equal("reported", "alerts", "resolved", "alerts", "reopened");
    }

    [StoreFact]
    public async Task Firing_AfterItsIncidentClosed_OpensANewIncident()
    {
        await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high"));
        await Store.Desk.CancelAsync(Ana, 1, "Noise");

        var again = await IngestAsync(Group("g1", AlertStatus.Firing, "warning", "Latency high", alerts: 2));

        again.Groups.Should().Equal(new AlertGroupOutcome("g1", 2, AlertEffect.Opened));
        await using var db = await Store.OpenAsync();
        (await db.AlertGroups.SingleAsync()).IncidentNumber.Should().Be(2);
    }

    [StoreFact]
    public async Task Acknowledge_Event_AcknowledgesOnTheSourcesBehalf()
    {
        await IngestAsync(Group("k1", AlertStatus.Firing, "critical", "Checkout errors"));

        var ack = await IngestAsync(Group("k1", AlertStatus.Acknowledged, "critical", "Checkout errors"));

        ack.Groups.Should().Equal(new AlertGroupOutcome("k1", 1, AlertEffect.Acknowledged));
        (await Store.Desk.ShowAsync(1)).Incident!.AcknowledgedByName.Should().Be("Alertmanager (prometheus)");
    }

    [StoreFact]
    public async Task Resolved_EventNamingOnlyItsKey_IsCalledWhatItFiredAs()
    {
        await IngestAsync(Group("k1", AlertStatus.Firing, "critical", "Checkout errors"));

        await IngestAsync(new AlertGroupSignal("k1", AlertStatus.Resolved, "Event k1", "critical", []));

        (await TimelineTextsAsync(1))[1].Should().Be("Alerts resolved: Checkout errors.");
    }

    [StoreFact]
    public async Task Resolved_ForAGroupNeverSeen_ChangesNothing()
    {
        var result = await IngestAsync(Group("ghost", AlertStatus.Resolved, "warning", "Gone"));

        result.Groups.Should().Equal(new AlertGroupOutcome("ghost", null, AlertEffect.Unchanged));
        (await CountAsync<Incident>()).Should().Be(0);
        (await CountAsync<AlertGroup>()).Should().Be(0);
    }

    [StoreFact]
    public async Task Storm_PastTheThreshold_OpensOneIncidentForTheRestAndPagesOnce()
    {
        // The test plan's threshold is 3 new groups a minute: the first three page, the next seven share one incident.
        var groups = Enumerable.Range(1, 10).Select(i => Group($"g{i}", AlertStatus.Firing, "warning", $"Link down {i}")).ToList();

        var result = await Store.Desk.IngestAsync(new AlertBatch("prometheus", groups));

        result.Groups.Select(g => (g.IncidentNumber, g.Effect)).Should().Equal(
            (1, AlertEffect.Opened), (2, AlertEffect.Opened), (3, AlertEffect.Opened),
            (4, AlertEffect.JoinedStorm), (4, AlertEffect.JoinedStorm), (4, AlertEffect.JoinedStorm), (4, AlertEffect.JoinedStorm),
            (4, AlertEffect.JoinedStorm), (4, AlertEffect.JoinedStorm), (4, AlertEffect.JoinedStorm));
        var storm = (await Store.Desk.ShowAsync(4)).Incident!;
        (storm.Title, storm.AlertNote).Should().Be(("Alert storm from Alertmanager (prometheus)", "alert storm: 7 groups firing"));
        (await TimelineTextsAsync(4)).Skip(1).Should().Equal(Enumerable.Range(4, 7).Select(i => $"Alert group firing: Link down {i} (1 alert firing)."));
        (await PagesAsync(4)).Should().Be(2);
        (await CountAsync<AlertGroup>()).Should().Be(10);
    }

    [StoreFact]
    public async Task Storm_LaterGroupsWithinTheWindow_JoinTheOpenStormWithoutPaging()
    {
        await Store.Desk.IngestAsync(new AlertBatch("prometheus", Enumerable.Range(1, 5).Select(i => Group($"g{i}", AlertStatus.Firing, "warning", $"Link down {i}")).ToList()));
        Store.Time.Advance(TimeSpan.FromSeconds(30));

        var later = await IngestAsync(Group("g6", AlertStatus.Firing, "critical", "Link down 6"));

        later.Groups.Should().Equal(new AlertGroupOutcome("g6", 4, AlertEffect.JoinedStorm));
        (await CountAsync<Incident>()).Should().Be(4);
        (await PagesAsync(4)).Should().Be(2);
        (await Store.Desk.ShowAsync(4)).Incident!.AlertNote.Should().Be("alert storm: 3 groups firing");
        // The critical group raised the storm from the warnings' sev3.
        (await Store.Desk.ShowAsync(4)).Incident!.SeverityId.Should().Be("sev1");
        (await TimelineTextsAsync(4))[^1].Should().Be("Alertmanager (prometheus) changed INC-4 from sev3 (Medium) to sev1 (Critical).");
    }

    [StoreFact]
    public async Task Storm_WhenEveryGroupResolves_ResolvesTheStormIncident()
    {
        await Store.Desk.IngestAsync(new AlertBatch("prometheus", Enumerable.Range(1, 5).Select(i => Group($"g{i}", AlertStatus.Firing, "warning", $"Link down {i}")).ToList()));

        await IngestAsync(Group("g4", AlertStatus.Resolved, "warning", "Link down 4"));
        var open = (await Store.Desk.ShowAsync(4)).Incident!.State;
        await IngestAsync(Group("g5", AlertStatus.Resolved, "warning", "Link down 5"));

        open.Should().Be(IncidentState.Reported);
        (await Store.Desk.ShowAsync(4)).Incident!.State.Should().Be(IncidentState.Resolved);
        (await TimelineTextsAsync(4)).TakeLast(4).Should().Equal(
            "Alerts resolved: Link down 4.",
            "Alerts resolved: Link down 5.",
            "Every alert group of the storm has resolved.",
            "Alertmanager (prometheus) resolved INC-4 in under a minute: resolved by its alerts");
    }

    [StoreFact]
    public async Task Concurrent_DeliveriesOfDistinctGroups_AreAllTakenInOnceEach()
    {
        var deliveries = Enumerable.Range(1, 40).Select(i => Store.Desk.IngestAsync(new AlertBatch("prometheus", [Group($"c{i}", AlertStatus.Firing, "warning", $"Pod {i} crashlooping")])));

        var results = await Task.WhenAll(deliveries);

        results.SelectMany(r => r.Groups).Select(g => g.Key).Should().BeEquivalentTo(Enumerable.Range(1, 40).Select(i => $"c{i}"));
        (await CountAsync<AlertGroup>()).Should().Be(40);
        // Three own incidents, then one storm for the other 37: never more than one page round per incident.
        (await CountAsync<Incident>()).Should().Be(4);
    }

    private Task<AlertIntakeResult> IngestAsync(AlertGroupSignal signal) => Store.Desk.IngestAsync(new AlertBatch("prometheus", [signal]));

    private AlertGroupSignal Group(string key, AlertStatus status, string severity, string title, int alerts = 1, int startedMinutesAgo = 5)
    {
        var started = Store.Time.GetUtcNow().AddMinutes(-startedMinutesAgo);
        var items = Enumerable.Range(1, alerts).Select(i => new AlertItem(
            $"{key}-{i}", status == AlertStatus.Resolved ? AlertStatus.Resolved : AlertStatus.Firing, title,
            [new("alertname", title), new("severity", severity)], started, status == AlertStatus.Resolved ? Store.Time.GetUtcNow() : null)).ToList();
        return new AlertGroupSignal(key, status, title, severity, items, "http://am.example/#/alerts");
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var db = await Store.OpenAsync();
        return await db.Set<T>().CountAsync();
    }

    private async Task<List<string>> TimelineAsync(int number)
    {
        await using var db = await Store.OpenAsync();
        return await db.Timeline.Where(t => t.IncidentNumber == number).OrderBy(t => t.Id).Select(t => t.Action).ToListAsync();
    }

    private async Task<List<string>> TimelineTextsAsync(int number)
    {
        await using var db = await Store.OpenAsync();
        return await db.Timeline.Where(t => t.IncidentNumber == number).OrderBy(t => t.Id).Select(t => t.Text).ToListAsync();
    }

    private async Task<int> PagesAsync(int number)
    {
        await using var db = await Store.OpenAsync();
        return await db.Outbox.CountAsync(o => o.IncidentNumber == number && o.Kind == NoticeKind.Page);
    }

    private async Task<List<(Audience, string?, string)>> NoticesAsync(int number, NoticeKind kind)
    {
        await using var db = await Store.OpenAsync();
        var rows = await db.Outbox.Where(o => o.IncidentNumber == number && o.Kind == kind).OrderBy(o => o.Id).ToListAsync();
        return rows.Select(o => (o.Audience, o.PersonId, o.Text)).ToList();
    }
}

public sealed class AlertIntakeOnSqliteTests : AlertIntakeContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

[OnPostgres]
public sealed class AlertIntakeOnPostgresTests : AlertIntakeContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>The standard test plan with a Prometheus Alertmanager source.</summary>
internal static class AlertPlans
{
    public static ResponsePlan WithPrometheus(bool autoResolve, int stormGroups) => TestPlans.Standard() with
    {
        Alerts =
        [
            new AlertSourcePlan
            {
                Id = "prometheus",
                Kind = AlertKind.Alertmanager,
                SeverityMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["critical"] = "sev1", ["warning"] = "sev3" },
                DefaultSeverity = "sev3",
                AutoResolve = autoResolve,
                StormGroups = stormGroups,
            },
        ],
    };
}
