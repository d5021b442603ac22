using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public sealed class EtaPromiseTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    // 10:00 in Kolkata (UTC+05:30).
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public void From_Duration_IsThatLongAfterNow() =>
        EtaPromise.In(TimeSpan.FromHours(2)).From(Now, Kolkata).Should().Be(Now.AddHours(2));

    [Fact]
    public void From_ClockTimeLaterToday_IsTodayInThePlanZone() =>
        EtaPromise.ClockTime(new TimeOnly(17, 30)).From(Now, Kolkata).Should().Be(new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void From_ClockTimeAlreadyPast_IsTomorrow() =>
        EtaPromise.ClockTime(new TimeOnly(9, 15)).From(Now, Kolkata).Should().Be(new DateTimeOffset(2025, 3, 5, 3, 45, 0, TimeSpan.Zero));

    [Fact]
    public void From_ClockTimeEqualToNow_IsTomorrow() =>
        EtaPromise.ClockTime(new TimeOnly(10, 0)).From(Now, Kolkata).Should().Be(Now.AddDays(1));

    [Fact]
    public void Describe_Today_IsTheTimeOfDayAndZone() =>
        EtaPromise.Describe(Now.AddHours(7.5), Now, Kolkata).Should().Be("17:30 (Asia/Kolkata)");

    [Fact]
    public void Describe_AnotherDay_NamesTheDay() =>
        EtaPromise.Describe(Now.AddHours(23), Now, Kolkata).Should().Be("Wed 5 Mar 09:00 (Asia/Kolkata)");
}
