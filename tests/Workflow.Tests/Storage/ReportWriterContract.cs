using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>
/// What every <see cref="IReportWriter"/> does, whichever the provider chose: the EF writer on SQLite and on
/// PostgreSQL, and the SQLite fast path.
/// </summary>
public abstract class ReportWriterContract : IAsyncLifetime
{
    private readonly IncidentViewCache _cache = new();
    private TestStore _store = null!;
    private IReportWriter _writer = null!;

    protected abstract StorageProvider Provider { get; }

    private protected abstract IReportWriter NewWriter(TestStore store, IncidentViewCache cache);

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(Provider);
        _writer = NewWriter(_store, _cache);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _store.DisposeAsync();
    }

    [StoreFact]
    public async Task File_NumbersTheBatchInOrder_AfterTheHighestNumberFiled()
    {
        await FileAsync("First", "Second");

        var filed = await FileAsync("Third", "Fourth", "Fifth");

        filed.Select(f => (f.Incident.Number, f.Incident.Title)).Should().Equal((3, "Third"), (4, "Fourth"), (5, "Fifth"));
        await using var db = await _store.OpenAsync();
        (await db.Incidents.OrderBy(i => i.Number).Select(i => i.Title).ToListAsync()).Should().Equal("First", "Second", "Third", "Fourth", "Fifth");
    }

    [StoreFact]
    public async Task File_WritesEachReportsTimelineOutboxAndTimer_InTheReportsOrder()
    {
        var filed = await FileAsync("DB down", "Queue stuck");

        await using var db = await _store.OpenAsync();
        (await db.Timeline.OrderBy(t => t.Id).Select(t => t.IncidentNumber + " " + t.Action).ToListAsync())
            .Should().Equal(filed.SelectMany(f => f.Rows.Timeline).Select(t => t.IncidentNumber + " " + t.Action));
        (await db.Outbox.OrderBy(o => o.Id).Select(o => o.IncidentNumber + " " + o.Kind + " " + o.Audience + " " + o.Text).ToListAsync())
            .Should().Equal(filed.SelectMany(f => f.Rows.Outbox).Select(o => o.IncidentNumber + " " + o.Kind + " " + o.Audience + " " + o.Text));
        (await db.Timers.OrderBy(t => t.SubjectId).Select(t => new { t.Subject, t.SubjectId, t.Kind, t.DueAt, t.SubjectVersion }).ToListAsync())
            .Should().Equal(filed.SelectMany(f => f.Rows.Timers).Select(t => new { t.Subject, t.SubjectId, t.Kind, t.DueAt, t.SubjectVersion }));
        filed.Select(f => f.Rows.Timers.Count).Should().Equal(1, 1);
    }

    [StoreFact]
    public async Task File_WritesAReportsExtraRows_BeforeItsOwnTimeline()
    {
        var filed = await FileAsync(["Checkout fails"], incident =>
        [
            new TimelineEntry(incident.Number, incident.ReportedAt, People.Eve, "linked", "Promoted from Freshdesk ticket #77.", incident.State, incident.State),
            new Workflow.Tickets.IncidentTicketLink(incident.Number, 77, incident.ReportedAt, People.Eve.Id),
        ]);

        await using var db = await _store.OpenAsync();
        (await db.Timeline.OrderBy(t => t.Id).Select(t => t.Action).ToListAsync()).Should().Equal(["linked", .. filed[0].Rows.Timeline.Select(t => t.Action)]);
        (await db.TicketLinks.Select(l => new { l.IncidentNumber, l.TicketId }).ToListAsync()).Should().Equal(new { IncidentNumber = 1, TicketId = 77L });
    }

    [StoreFact]
    public async Task File_HandsTheCommittedViewsToTheCache()
    {
        var filed = await FileAsync("DB down", "Queue stuck");

        filed.Should().HaveCount(2);
        foreach (var incident in filed)
        {
            _cache.TryGet(incident.Incident.Number, out var cached).Should().BeTrue();
            cached.Should().BeSameAs(incident.View);
        }
    }

    [StoreFact]
    public async Task File_WhenARowOfTheBatchFails_LeavesNothing()
    {
        // The second report's extra timer takes the key (incident, kind) its own timer needs.
        var act = () => FileAsync(["DB down", "Queue stuck"], incident => incident.Number == 2
            ? [new IncidentTimer(2, TimerKind.AckReminder, incident.ReportedAt, 1), new IncidentTimer(2, TimerKind.AckTimeout, incident.ReportedAt, 1)]
            : []);

        await act.Should().ThrowAsync<Exception>();

        await using var db = await _store.OpenAsync();
        (await db.Incidents.CountAsync()).Should().Be(0);
        (await db.Timeline.CountAsync()).Should().Be(0);
        (await db.Outbox.CountAsync()).Should().Be(0);
        (await db.Timers.CountAsync()).Should().Be(0);
        _cache.Count.Should().Be(0);
        (await FileAsync("Next")).Single().Incident.Number.Should().Be(1);
    }

    private Task<IReadOnlyList<NewIncident>> FileAsync(params string[] titles) => FileAsync(titles, _ => []);

    private Task<IReadOnlyList<NewIncident>> FileAsync(string[] titles, Func<Incident, IReadOnlyList<object>> extra)
    {
        var plan = _store.Plan;
        var planner = new TimerPlanner(plan, new SlaCalculator(plan));
        var views = new IncidentViewFactory(plan);
        var now = _store.Time.GetUtcNow();
        return _writer.FileAsync(titles.Length, (i, number) =>
        {
            var incident = Incident.Report(number, new IncidentReport(titles[i], "sev2"), People.Eve, new IncidentContext(plan, now));
            return new NewIncident(incident, IncidentRows.Of(incident, planner, now), extra(incident), views.View(incident));
        }, CancellationToken.None);
    }
}

public sealed class EfReportWriterOnSqliteTests : ReportWriterContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    private protected override IReportWriter NewWriter(TestStore store, IncidentViewCache cache) => new EfReportWriter(store.Factory, cache);
}

public sealed class SqliteReportWriterTests : ReportWriterContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    private protected override IReportWriter NewWriter(TestStore store, IncidentViewCache cache) => new SqliteReportWriter(store.Factory, cache);
}

[OnPostgres]
public sealed class EfReportWriterOnPostgresTests : ReportWriterContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    private protected override IReportWriter NewWriter(TestStore store, IncidentViewCache cache) => new EfReportWriter(store.Factory, cache);
}
