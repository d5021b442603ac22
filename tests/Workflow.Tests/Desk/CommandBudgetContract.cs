using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Xunit.Abstractions;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>
/// The SQL each command path sends through EF (counted by <see cref="CommandCounter"/>), pinned exactly so a change
/// that adds a round trip, or saves one, is seen and bench/README.md updated with it; the figures and the SQL are
/// printed in the test output. The plan has rotations, so paging asks who is on call; the desk is wired as the host
/// wires it (the incident view cache on SQLite, none on PostgreSQL) and has served one report before the one measured.
/// </summary>
public abstract class CommandBudgetContract(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestStore _store = null!;
    private Workflow.Desk.Desk _desk = null!;

    protected abstract StorageProvider Provider { get; }

    protected abstract CommandBudget Budget { get; }

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(Provider, OnCallDeskContract.Plan());
        var views = Provider == StorageProvider.Postgres ? null : new IncidentViewCache();
        _desk = _store.NewDesk(views, factory: _store.FactoryWith(_counter));
        await _desk.ReportAsync(Chen, new IncidentReport("Earlier outage", "sev3"));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [StoreFact]
    public async Task Report_SendsExactlyItsBudgetedCommands()
    {
        var (result, cost) = await _counter.Measure("report", () => _desk.ReportAsync(Chen, new IncidentReport("Checkout down", "sev2")), output);

        (result.Status, cost).Should().Be((DeskStatus.Done, Budget.Report));
    }

    [StoreFact]
    public async Task Acknowledge_SendsExactlyItsBudgetedCommands()
    {
        var number = await ReportAsync();

        var (result, cost) = await _counter.Measure("ack", () => _desk.AcknowledgeAsync(Ana, number), output);

        (result.Status, cost).Should().Be((DeskStatus.Done, Budget.Acknowledge));
    }

    [StoreFact]
    public async Task Update_SendsExactlyItsBudgetedCommands()
    {
        var number = await ReportAsync();
        await _desk.AcknowledgeAsync(Ana, number);

        var (result, cost) = await _counter.Measure("update", () => _desk.UpdateAsync(Ana, number, "Rolling back the deploy"), output);

        (result.Status, cost).Should().Be((DeskStatus.Done, Budget.Update));
    }

    [StoreFact]
    public async Task Resolve_SendsExactlyItsBudgetedCommands()
    {
        var number = await ReportAsync();
        await _desk.AcknowledgeAsync(Ana, number);

        var (result, cost) = await _counter.Measure("resolve", () => _desk.ResolveAsync(Ana, number, "Rolled back"), output);

        (result.Status, cost).Should().Be((DeskStatus.Done, Budget.Resolve));
    }

    [StoreFact]
    public async Task Show_SendsExactlyItsBudgetedCommands()
    {
        var number = await ReportAsync();

        var (result, cost) = await _counter.Measure("show", () => _desk.ShowAsync(number, Ana), output);

        (result.Incident!.Number, cost).Should().Be((number, Budget.Show));
    }

    [StoreFact]
    public async Task ListOpen_SendsExactlyItsBudgetedCommands()
    {
        await ReportAsync();

        var (result, cost) = await _counter.Measure("list open", () => _desk.ListAsync(IncidentFilter.Open, Ana), output);

        (result.Total, cost).Should().Be((2, Budget.ListOpen));
    }

    private async Task<int> ReportAsync() => (await _desk.ReportAsync(Chen, new IncidentReport("Checkout down", "sev2"))).Incident!.Number;
}

/// <summary>The commands (round trips) and statements each path sends, as pinned per store.</summary>
public sealed record CommandBudget(SqlCost Report, SqlCost Acknowledge, SqlCost Update, SqlCost Resolve, SqlCost Show, SqlCost ListOpen);

public sealed class CommandBudgetOnSqliteTests(ITestOutputHelper output) : CommandBudgetContract(output)
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    // EF on SQLite sends one statement per command. A report's rows go through the SQLite report writer's own
    // statements (MAX, one INSERT per table, commit), which EF does not see; who is on call comes from the desk's copy.
    // A change's new rows go through SqliteRowInserter on the group's connection, also unseen: one INSERT each for the
    // timeline, the outbox and the timer after the counted load, timer DELETE and incident UPDATE.
    protected override CommandBudget Budget => new(
        Report: new(0, 0), Acknowledge: new(3, 3), Update: new(3, 3), Resolve: new(4, 4), Show: new(0, 0), ListOpen: new(4, 4));
}

[OnPostgres]
public sealed class CommandBudgetOnPostgresTests(ITestOutputHelper output) : CommandBudgetContract(output)
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    // A SaveChanges is one batched command on PostgreSQL.
    protected override CommandBudget Budget => new(
        Report: new(3, 8), Acknowledge: new(3, 7), Update: new(3, 7), Resolve: new(4, 8), Show: new(1, 1), ListOpen: new(5, 5));
}
