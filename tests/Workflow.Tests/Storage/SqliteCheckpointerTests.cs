using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>The log is copied into the database off the write path, and restarted once it has grown.</summary>
public sealed class SqliteCheckpointerTests : SqliteStoreTest
{
    [Fact]
    public async Task APassiveRound_CopiesEveryCommittedPage()
    {
        await ReportAsync(20);
        await using var checkpointer = new SqliteCheckpointer(Store.ConnectionString, new WriteGate(serialise: true));

        var round = await checkpointer.RunOnceAsync(CancellationToken.None);

        round.LogPages.Should().BeGreaterThan(0);
        round.CopiedPages.Should().Be(round.LogPages);
        round.Restarted.Should().BeFalse("the log is far below the restart size");
    }

    [Fact]
    public async Task ALogPastTheRestartSize_StartsAgainFromItsBeginning()
    {
        await ReportAsync(40);
        await using var checkpointer = new SqliteCheckpointer(Store.ConnectionString, new WriteGate(serialise: true), restartPages: 8);
        var grown = await checkpointer.RunOnceAsync(CancellationToken.None);
        grown.Restarted.Should().BeTrue();

        await ReportAsync(1);
        var after = await checkpointer.RunOnceAsync(CancellationToken.None);

        after.LogPages.Should().BeLessThan(grown.LogPages, "the next commit wrote from the start of the log");
        (await Store.NewDesk().ShowAsync(41)).Incident!.Title.Should().Be("Report 41");
    }

    [Fact]
    public async Task EveryConnection_LeavesCheckpointsToTheCheckpointer_AndWaitsInsideSqliteWhenLocked()
    {
        await using var db = await Store.OpenAsync();

        var pages = await db.Database.SqlQueryRaw<int>("PRAGMA wal_autocheckpoint").ToListAsync();
        var synchronous = await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync();
        var busyTimeout = await db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync();

        pages.Should().ContainSingle().Which.Should().Be(SqliteConnectionSettings.AutoCheckpointPages);
        synchronous.Should().ContainSingle().Which.Should().Be(1, "NORMAL");
        busyTimeout.Should().ContainSingle().Which.Should().Be(5000, "a locked database is waited for inside SQLite");
    }

    private async Task ReportAsync(int count)
    {
        var desk = Store.NewDesk();
        var first = (await desk.ShowAsync(1)).Incident is null ? 1 : await CountAsync() + 1;
        for (var i = first; i < first + count; i++)
            (await desk.ReportAsync(People.Eve, new IncidentReport($"Report {i}", "sev3"))).Status.Should().Be(DeskStatus.Done);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await Store.OpenAsync();
        return await db.Incidents.CountAsync();
    }
}
