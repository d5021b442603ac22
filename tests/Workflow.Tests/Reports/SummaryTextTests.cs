using Jivrus.IncidentBot.Workflow.Reports;

namespace Jivrus.IncidentBot.Workflow.Tests.Reports;

public sealed class SummaryTextTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly DateTimeOffset End = new(2026, 3, 9, 3, 30, 0, TimeSpan.Zero); // Mon 09:00 in Kolkata

    private static Summary Busy() => new()
    {
        Period = ReportPeriod.Week,
        Start = End.AddDays(-7),
        End = End,
        TimeZone = Kolkata,
        Severities =
        [
            new SeverityCounts("sev1", "Critical", 2, 1, 1, 0),
            new SeverityCounts("sev2", "High", 1, 1, 0, 1),
            new SeverityCounts("sev3", "Medium", 0, 0, 0, 0),
        ],
        Mtta = new DurationStats(3, TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(45)),
        Mttr = new DurationStats(2, TimeSpan.FromHours(2), new TimeSpan(5, 30, 0)),
        Acknowledge = new Compliance(2, 1),
        Resolve = new Compliance(1, 1),
        Breaches = [new IncidentRef(4, "Payments down", "sev1")],
        ReachedManagement = [new IncidentRef(4, "Payments down", "sev1"), new IncidentRef(6, "Login slow", "sev2")],
        PendingRcas = [new PendingRca(new IncidentRef(3, "Data export broken", "sev1"), new TimeSpan(6, 4, 0, 0), Overdue: true)],
        Slowest =
        [
            new SlowIncident(new IncidentRef(5, "Search index stale", "sev1"), TimeSpan.FromHours(30), StillOpen: true),
            new SlowIncident(new IncidentRef(4, "Payments down", "sev1"), new TimeSpan(5, 30, 0), StillOpen: false),
        ],
    };

    private static Summary Quiet() => Busy() with
    {
        Period = ReportPeriod.Day,
        Start = End.AddDays(-1),
        Severities = [new SeverityCounts("sev1", "Critical", 0, 0, 0, 0)],
        Mtta = DurationStats.None,
        Mttr = DurationStats.None,
        Acknowledge = new Compliance(0, 0),
        Resolve = new Compliance(0, 0),
        Breaches = [],
        ReachedManagement = [],
        PendingRcas = [],
        Slowest = [],
    };

    [Fact]
    public void Render_Busy_WritesOneCompactBlockForManagers()
    {
        var text = SummaryText.Render(Busy());

        text.Should().Be(
            """
            Weekly incident summary · Mon 2 Mar 09:00 to Mon 9 Mar 09:00 (Asia/Kolkata)
            All: opened 3 · resolved 2 · still open 1 · cancelled 1
              sev1 Critical: opened 2 · resolved 1 · still open 1 · cancelled 0
              sev2 High: opened 1 · resolved 1 · still open 0 · cancelled 1
            MTTA median 12m · p90 45m (3 acknowledged)
            MTTR median 2h · p90 5h30m (2 resolved)
            SLA acknowledge 2 of 3 met (67%) · resolve 1 of 2 met (50%)
            Breaches (1): INC-4 Payments down (sev1)
            Reached management (2): INC-4 Payments down (sev1), INC-6 Login slow (sev2)
            RCAs pending (1): INC-3 Data export broken (sev1) waiting 6d4h, overdue
            Slowest (2): INC-5 (sev1) open 1d6h, INC-4 (sev1) resolved in 5h30m
            Tickets breached: none
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_Quiet_SaysThereWereNoIncidentsAndNothingDue()
    {
        var text = SummaryText.Render(Quiet());

        text.Should().Be(
            """
            Daily incident summary · Sun 8 Mar 09:00 to Mon 9 Mar 09:00 (Asia/Kolkata)
            No incidents opened, resolved or open in this window.
            MTTA n/a (none acknowledged)
            MTTR n/a (none resolved)
            SLA acknowledge n/a (nothing due) · resolve n/a (nothing due)
            Breaches: none
            Reached management: none
            RCAs pending: none
            Slowest: none
            Tickets breached: none
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_WithIncidentsFromMonitoring_AddsOneLineAfterMttr()
    {
        var summary = Busy() with
        {
            Monitoring = new MonitoringFigures(3, new DurationStats(2, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(9)), DurationStats.None),
        };

        var text = SummaryText.Render(summary);

        text.Split('\n')[4..8].Should().Equal(
            "MTTA median 12m · p90 45m (3 acknowledged)",
            "MTTR median 2h · p90 5h30m (2 resolved)",
            "From monitoring: opened 3 · MTTA median 4m (2 acknowledged) · MTTR n/a (none resolved)",
            "SLA acknowledge 2 of 3 met (67%) · resolve 1 of 2 met (50%)");
    }

    [Fact]
    public void Render_LongTitle_IsClipped()
    {
        var summary = Quiet() with { Breaches = [new IncidentRef(9, new string('x', 100), "sev2")] };

        var text = SummaryText.Render(summary);

        text.Should().Contain($"INC-9 {new string('x', 59)}… (sev2)").And.NotContain(new string('x', 60));
    }
}
