using CsCheck;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

/// <summary>
/// Laws of the business clock over random instants in 2025 (both New York DST changes included)
/// and durations up to ten days, at one-second resolution.
/// </summary>
public class SlaClockPropertyTests
{
    private const ClockKind Business = ClockKind.BusinessHours;
    private static readonly DateTimeOffset Year = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Gen<DateTimeOffset> Instant = Gen.Long[0, 365L * 24 * 3600].Select(s => Year.AddSeconds(s));
    private static readonly Gen<TimeSpan> Duration = Gen.Long[1, 10L * 24 * 3600].Select(TimeSpan.FromSeconds);

    private readonly SlaClock _clock = new(TestPlans.Standard("America/New_York"));

    [Fact]
    public void Elapsed_IsTheInverseOfAdd()
    {
        Gen.Select(Instant, Duration).Sample((start, duration) =>
        {
            var due = _clock.Add(start, duration, Business);

            _clock.Elapsed(start, due, Business).Should().Be(duration);
        });
    }

    [Fact]
    public void Add_OfASum_IsAddingOneAfterTheOther()
    {
        Gen.Select(Instant, Duration, Duration).Sample((start, first, second) =>
        {
            var once = _clock.Add(start, first + second, Business);

            var twice = _clock.Add(_clock.Add(start, first, Business), second, Business);

            twice.Should().Be(once);
        });
    }

    [Fact]
    public void Elapsed_IsAdditiveOverAnIntermediateInstant()
    {
        Gen.Select(Instant, Duration, Duration).Sample((from, a, b) =>
        {
            var middle = from + a;
            var to = middle + b;

            var whole = _clock.Elapsed(from, to, Business);

            whole.Should().Be(_clock.Elapsed(from, middle, Business) + _clock.Elapsed(middle, to, Business));
        });
    }

    [Fact]
    public void Add_EndsRightAfterACountedMoment()
    {
        Gen.Select(Instant, Duration).Sample((start, duration) =>
        {
            var due = _clock.Add(start, duration, Business);

            _clock.IsCounting(due.AddTicks(-1), Business).Should().BeTrue();
            due.Offset.Should().Be(TimeSpan.Zero);
        });
    }
}
