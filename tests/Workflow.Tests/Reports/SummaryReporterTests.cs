using Jivrus.IncidentBot.Workflow.Reports;

namespace Jivrus.IncidentBot.Workflow.Tests.Reports;

/// <summary>The day of <see cref="SummaryFixture"/>, every figure computed by hand from its table.</summary>
public sealed class SummaryReporterTests(SummaryFixture fixture) : IClassFixture<SummaryFixture>
{
    private Task<Summary> DayAsync() => Reporter().BuildAsync(ReportPeriod.Day);

    private SummaryReporter Reporter() => new(fixture.Store.Factory, fixture.Store.Plan, fixture.Store.Time);

    [Fact]
    public async Task Build_ForADay_CoversTheDayEndingNow()
    {
        var summary = await DayAsync();

        summary.Start.Should().Be(SummaryFixture.DayStart);
        summary.End.Should().Be(SummaryFixture.DayEnd);
    }

    [Fact]
    public async Task Build_CountsOpenedResolvedStillOpenAndCancelledBySeverity()
    {
        var summary = await DayAsync();

        // sev1: #2 #4 opened and resolved (#4 sits in RcaPending, which is resolved).
        // sev2: #3 #5 #6 #8 opened; #3 #8 resolved; #6 open; #5 cancelled. #1 belongs to the day before.
        // sev3: #7 opened and open.
        summary.Severities.Should().Equal(
            new SeverityCounts("sev1", "Critical", Opened: 2, Resolved: 2, StillOpen: 0, Cancelled: 0),
            new SeverityCounts("sev2", "High", Opened: 4, Resolved: 2, StillOpen: 1, Cancelled: 1),
            new SeverityCounts("sev3", "Medium", Opened: 1, Resolved: 0, StillOpen: 1, Cancelled: 0),
            new SeverityCounts("sev4", "Low", Opened: 0, Resolved: 0, StillOpen: 0, Cancelled: 0));
        summary.Total.Should().Be(new SeverityCounts("all", "All", 7, 4, 2, 1));
    }

    [Fact]
    public async Task Build_MttaIsMedianAndP90ByNearestRank()
    {
        var summary = await DayAsync();

        // First acks in the day: #4 5m, #2 10m, #8 15m, #6 20m, #3 50m (n = 5; #5 cancelled, #7 unacknowledged).
        // Median: rank ceil(0.5 x 5) = 3 -> 15m. p90: rank ceil(0.9 x 5) = 5 -> 50m.
        summary.Mtta.Should().Be(new DurationStats(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(50)));
    }

    [Fact]
    public async Task Build_MttrIsMedianAndP90ByNearestRank()
    {
        var summary = await DayAsync();

        // Resolved in the day: #4 1h, #3 2h, #8 3h, #2 5h (n = 4).
        // Median: rank ceil(0.5 x 4) = 2 -> 2h. p90: rank ceil(0.9 x 4) = 4 -> 5h.
        summary.Mttr.Should().Be(new DurationStats(4, TimeSpan.FromHours(2), TimeSpan.FromHours(5)));
    }

    [Fact]
    public async Task Build_AcknowledgeCompliance_JudgesFirstAckAgainstLevelOnesDeadline()
    {
        var summary = await DayAsync();

        // Met: #2 (10m of 15m), #4 (5m of 15m), #6 (20m of 30m), #8 (15m of 30m).
        // Missed: #3 (50m of 30m; escalating does not move level 1's deadline).
        // Not judged: #5 cancelled; #7's business-hours deadline (S+26h) is after the day.
        summary.Acknowledge.Should().Be(new Compliance(Met: 4, Missed: 1));
        summary.Acknowledge.Percent.Should().Be(80);
    }

    [Fact]
    public async Task Build_ResolveCompliance_CountsUnresolvedIncidentsPastTheirDeadlineAsMisses()
    {
        var summary = await DayAsync();

        // Met: #3 (2h of 8h), #4 (1h of 4h), #8 (3h of 8h).
        // Missed: #2 (5h of 4h), #6 (open at S+14h, its 8h deadline). 3 of 5 = 60 %.
        summary.Resolve.Should().Be(new Compliance(Met: 3, Missed: 2));
        summary.Resolve.Percent.Should().Be(60);
    }

    [Fact]
    public async Task Build_ListsTheResolveBreachesOfTheDay()
    {
        var summary = await DayAsync();

        summary.Breaches.Select(b => b.Number).Should().Equal(2, 6);
    }

    [Fact]
    public async Task Build_ListsIncidentsEscalatedToManagement()
    {
        var summary = await DayAsync();

        summary.ReachedManagement.Should().ContainSingle()
            .Which.Should().Be(new IncidentRef(3, "Login slow", "sev2"));
    }

    [Fact]
    public async Task Build_ListsPendingRcasWithTheirAge()
    {
        var summary = await DayAsync();

        // #4 entered RcaPending at S+4h30: 19h30m before the end; due within 5 days, so not overdue.
        summary.PendingRcas.Should().ContainSingle()
            .Which.Should().Be(new PendingRca(new IncidentRef(4, "Data export broken", "sev1"), new TimeSpan(19, 30, 0), Overdue: false));
    }

    [Fact]
    public async Task Build_ListsTheFiveSlowest_OpenAgeAndTimeToResolveTogether()
    {
        var summary = await DayAsync();

        // Open at the end: #6 18h, #7 17h. Resolved: #2 5h, #8 3h, #3 2h, #4 1h (sixth, left out).
        summary.Slowest.Select(s => (s.Incident.Number, s.Duration, s.StillOpen)).Should().Equal(
            (6, TimeSpan.FromHours(18), true),
            (7, TimeSpan.FromHours(17), true),
            (2, TimeSpan.FromHours(5), false),
            (8, TimeSpan.FromHours(3), false),
            (3, TimeSpan.FromHours(2), false));
    }

    [Fact]
    public async Task Build_ForAWeek_TakesInTheIncidentOfTheDayBefore()
    {
        var summary = await Reporter().BuildAsync(ReportPeriod.Week);

        // #1 joins: sev2 opened 5, resolved 3; its 10m ack and 1h resolution were on time.
        summary.Start.Should().Be(SummaryFixture.DayEnd.AddDays(-7));
        summary.Severities[1].Should().Be(new SeverityCounts("sev2", "High", 5, 3, 1, 1));
        summary.Acknowledge.Should().Be(new Compliance(5, 1));
        summary.Resolve.Should().Be(new Compliance(4, 2));
    }

    [Fact]
    public async Task Build_EndingInThePast_ReadsTheStateAtTheEndFromTheTimeline()
    {
        var end = SummaryFixture.DayStart.AddHours(5).AddMinutes(30);

        var summary = await Reporter().BuildAsync(ReportPeriod.Day, endingAt: end);

        // At S+5h30 #2 was acknowledged, breached and not yet resolved; #4 was already waiting for its RCA.
        summary.Severities[0].StillOpen.Should().Be(1);
        summary.Slowest.Should().Contain(new SlowIncident(new IncidentRef(2, "Payments down", "sev1"), new TimeSpan(4, 30, 0), StillOpen: true));
        summary.Mttr.Count.Should().Be(2);
        summary.PendingRcas.Should().ContainSingle().Which.Age.Should().Be(TimeSpan.FromHours(1));
    }
}
