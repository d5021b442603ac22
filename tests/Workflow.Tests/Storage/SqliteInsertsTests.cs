using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Jivrus.IncidentBot.Workflow.Tests.Storage;

/// <summary>Rows written without EF must be stored exactly as EF stores them, column by column.</summary>
public sealed class SqliteInsertsTests : SqliteStoreTest
{
    [Theory]
    [InlineData("Checkout fails", "Cards declined", "Since 09:00")]
    [InlineData("Zahlung schlägt fehl 🔴 — 払い", "", null)]
    [InlineData("Long", "ü", "long")] // a description past the stack buffer goes through a pooled one
    public async Task EveryRowOfAReport_IsStoredAsEfStoresIt(string title, string? impact, string? description)
    {
        if (description == "long")
            description = string.Concat(Enumerable.Repeat("Ünïcödé 🔥 and ASCII ", 140));
        var report = new IncidentReport(title, "sev2", impact, description);
        var byEf = Sample(1, report);
        var byInserts = Sample(2, report);

        await using (var db = await Store.OpenAsync())
        {
            db.Incidents.Add(byEf.Incident);
            db.Timeline.AddRange(byEf.Timeline);
            db.Outbox.AddRange(byEf.Outbox);
            db.Timers.AddRange(byEf.Timers);
            await db.SaveChangesAsync();
        }

        await using (var db = await Store.OpenAsync())
        {
            var inserts = SqliteInserts.For(db)!;
            await using var batch = await inserts.BeginAsync(CancellationToken.None);
            batch.Insert(byInserts.Incident);
            batch.InsertRange(byInserts.Timeline);
            batch.InsertRange(byInserts.Outbox);
            batch.InsertRange(byInserts.Timers);
            await batch.CommitAsync(CancellationToken.None);
        }

        // The incident number (and the keys SQLite numbers) differ by design; every other column must match.
        foreach (var (table, key) in new[] { ("incidents", "Number"), ("timeline", "IncidentNumber"), ("outbox", "IncidentNumber"), ("timers", "SubjectId") })
        {
            var efRows = Rows(table, key, 1);
            var insertRows = Rows(table, key, 2);
            efRows.Should().NotBeEmpty();
            insertRows.Should().BeEquivalentTo(efRows, o => o.WithStrictOrdering(), $"table {table}");
        }
    }

    [Fact]
    public async Task AnEmptyText_IsStoredEmpty_NotNull()
    {
        await using (var db = await Store.OpenAsync())
        {
            await using var batch = await SqliteInserts.For(db)!.BeginAsync(CancellationToken.None);
            batch.Insert(new TimelineEntry(4, Store.Time.GetUtcNow(), People.Eve, "noted", "", IncidentState.Reported, IncidentState.Reported));
            await batch.CommitAsync(CancellationToken.None);
        }

        var row = Rows("timeline", "IncidentNumber", 4).Should().ContainSingle().Subject;
        row["Text"].Should().Be("String:", "the stored value is a TEXT that is empty");
    }

    [Fact]
    public async Task ANullAfterAValue_InTheSameStatement_IsStoredNull()
    {
        // A null is not bound: the parameter must not keep the value the previous run of the statement bound there.
        var now = Store.Time.GetUtcNow();
        var claimed = new IncidentTimer(5, TimerKind.AckTimeout, now.AddMinutes(5), 1) { ClaimedUntil = now.AddMinutes(1) };
        var free = new IncidentTimer(6, TimerKind.AckTimeout, now.AddMinutes(5), 1);
        await using (var db = await Store.OpenAsync())
        {
            var inserts = SqliteInserts.For(db)!;
            await using (var first = await inserts.BeginAsync(CancellationToken.None))
            {
                first.Insert(claimed);
                await first.CommitAsync(CancellationToken.None);
            }

            await using var second = await inserts.BeginAsync(CancellationToken.None);
            second.Insert(free);
            await second.CommitAsync(CancellationToken.None);
        }

        Rows("timers", "SubjectId", 5).Should().ContainSingle().Which["ClaimedUntil"].Should().NotBeNull();
        Rows("timers", "SubjectId", 6).Should().ContainSingle().Which["ClaimedUntil"].Should().BeNull();
    }

    [Fact]
    public async Task AfterAFailedRun_ANullIsStoredNull()
    {
        // A run that fails half-bound closes the connection, so no statement is reused with a stale value in it.
        var now = Store.Time.GetUtcNow();
        await using var db = await Store.OpenAsync();
        var inserts = SqliteInserts.For(db)!;
        await using (var failing = await inserts.BeginAsync(CancellationToken.None))
        {
            failing.Insert(new IncidentTimer(7, TimerKind.AckTimeout, now, 1) { ClaimedUntil = now });
            var twice = () => failing.Insert(new IncidentTimer(7, TimerKind.AckTimeout, now, 1) { ClaimedUntil = now });
            twice.Should().Throw<SqliteException>("(IncidentNumber, Kind) is unique");
        }

        await using (var next = await inserts.BeginAsync(CancellationToken.None))
        {
            next.Insert(new IncidentTimer(8, TimerKind.AckTimeout, now, 1));
            await next.CommitAsync(CancellationToken.None);
        }

        Rows("timers", "SubjectId", 7).Should().BeEmpty();
        Rows("timers", "SubjectId", 8).Should().ContainSingle().Which["ClaimedUntil"].Should().BeNull();
    }

    [Fact]
    public async Task Report_FiledByTheQueue_ReadsBackThroughEf()
    {
        var desk = Store.NewDesk();

        var result = await desk.ReportAsync(People.Eve, new IncidentReport("Checkout fails", "sev1", "Cards declined", "Since 09:00"));

        result.Status.Should().Be(DeskStatus.Done);
        var shown = (await Store.NewDesk().ShowAsync(1)).Incident!;
        shown.Title.Should().Be("Checkout fails");
        shown.Impact.Should().Be("Cards declined");
        shown.Description.Should().Be("Since 09:00");
        shown.SeverityId.Should().Be("sev1");
        shown.ReportedAt.Should().Be(Store.Time.GetUtcNow());
        shown.Version.Should().Be(result.Incident!.Version);
    }

    [Fact]
    public async Task ManyRows_SpanningSeveralStatements_KeepTheirOrderAndValues()
    {
        var rows = Enumerable.Range(1, (2 * SqliteRowInserter.RowsPerStatement) + 5)
            .Select(i => new TimelineEntry(7, Store.Time.GetUtcNow().AddSeconds(i), People.Eve, "updated", $"Update {i}", IncidentState.Reported, IncidentState.Reported))
            .ToList();

        await using (var db = await Store.OpenAsync())
        {
            await using var inserts = SqliteInserts.For(db)!;
            await using var batch = await inserts.BeginAsync(CancellationToken.None);
            batch.InsertRange(rows);
            await batch.CommitAsync(CancellationToken.None);
        }

        await using var read = await Store.OpenAsync();
        var stored = read.Timeline.Where(t => t.IncidentNumber == 7).OrderBy(t => t.Id).ToList();
        stored.Select(t => t.Text).Should().Equal(rows.Select(r => r.Text));
        stored.Select(t => t.At).Should().Equal(rows.Select(r => r.At));
    }

    [Fact]
    public async Task AFailedBatch_RollsBack_AndTheNextBatchWrites()
    {
        var timer = new IncidentTimer(3, TimerKind.UpdateDue, Store.Time.GetUtcNow().AddMinutes(30), 1);
        await using var db = await Store.OpenAsync();
        await using var inserts = SqliteInserts.For(db)!;

        await using (var failing = await inserts.BeginAsync(CancellationToken.None))
        {
            failing.Insert(new TimelineEntry(3, Store.Time.GetUtcNow(), People.Eve, "noted", "Kept only if committed", IncidentState.Reported, IncidentState.Reported));
            // (incident, kind) is unique: the second row of the same timer fails the statement.
            var duplicate = () => failing.InsertRange([timer, new IncidentTimer(3, TimerKind.UpdateDue, timer.DueAt, 1)]);
            duplicate.Should().Throw<SqliteException>();
        }

        await using (var next = await inserts.BeginAsync(CancellationToken.None))
        {
            next.Insert(timer);
            await next.CommitAsync(CancellationToken.None);
        }

        await using var read = await Store.OpenAsync();
        read.Timeline.Count(t => t.IncidentNumber == 3).Should().Be(0, "the failed batch was rolled back");
        read.Timers.Count(t => t.SubjectId == 3).Should().Be(1);
    }

    [Fact]
    public async Task OneBatchAtATime()
    {
        await using var db = await Store.OpenAsync();
        await using var inserts = SqliteInserts.For(db)!;
        await using var first = await inserts.BeginAsync(CancellationToken.None);

        var second = () => inserts.BeginAsync(CancellationToken.None);

        await second.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task ADisposedDesk_StillFilesReports()
    {
        var desk = Store.NewDesk();
        (await desk.ReportAsync(People.Eve, new IncidentReport("Before", "sev3"))).Status.Should().Be(DeskStatus.Done);

        await desk.DisposeAsync();
        var after = await desk.ReportAsync(People.Eve, new IncidentReport("After", "sev3"));

        after.Status.Should().Be(DeskStatus.Done);
        after.Incident!.Number.Should().Be(2);
        (await Store.NewDesk().ShowAsync(2)).Incident!.Title.Should().Be("After");
    }

    private (Incident Incident, List<TimelineEntry> Timeline, List<OutboxMessage> Outbox, List<IncidentTimer> Timers) Sample(int number, IncidentReport report)
    {
        var context = new IncidentContext(Store.Plan, Store.Time.GetUtcNow());
        var incident = Incident.Report(number, report, People.Eve, context);
        incident.Change(context, i => i.Acknowledge(People.Ana));
        var now = Store.Time.GetUtcNow();
        return (
            incident,
            incident.NewTimelineEntries.ToList(),
            incident.Notices.Select(n => new OutboxMessage(now, number, n)).ToList(),
            [new IncidentTimer(number, TimerKind.UpdateDue, now.AddMinutes(30), incident.Version), new IncidentTimer(number, TimerKind.ResolveBreach, now.AddHours(8), incident.Version)]);
    }

    // Every column as stored (SQLite's own types), keyed column and generated ids left out.
    private List<Dictionary<string, object?>> Rows(string table, string numberColumn, int number)
    {
        using var connection = new SqliteConnection(Store.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{numberColumn}\" = $n ORDER BY rowid";
        command.Parameters.AddWithValue("$n", number);
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                if (name is "Id" || name == numberColumn)
                    continue;
                // Texts name their incident ("... acknowledged INC-2."): the number is the one intended difference.
                row[name] = reader.IsDBNull(i) ? null : $"{reader.GetValue(i).GetType().Name}:{reader.GetValue(i)}".Replace($"INC-{number}", "INC-n", StringComparison.Ordinal);
            }

            rows.Add(row);
        }

        return rows;
    }
}
