using CsCheck;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

/// <summary>
/// Every intent and timer, by every kind of actor, in every reachable state: never an exception, always a
/// sentence, and a move that is not accepted leaves no trace.
/// </summary>
public class IncidentExhaustiveTests
{
    private static readonly Dictionary<string, Func<IncidentBuilder>> Situations = new()
    {
        ["reported"] = () => IncidentBuilder.Reported(),
        ["reported sev3"] = () => IncidentBuilder.Reported().WithSeverity("sev3"),
        ["reported at L2"] = () => IncidentBuilder.Reported().Escalated(1),
        ["reported, ladder exhausted"] = () => IncidentBuilder.Reported().Escalated(4),
        ["acknowledged"] = () => IncidentBuilder.In(IncidentState.Acknowledged),
        ["acknowledged, ladder exhausted"] = () => IncidentBuilder.In(IncidentState.Acknowledged).Escalated(4),
        ["mitigated"] = () => IncidentBuilder.In(IncidentState.Mitigated),
        ["resolved"] = () => IncidentBuilder.In(IncidentState.Resolved),
        ["resolved sev2"] = () => IncidentBuilder.In(IncidentState.Resolved).WithSeverity("sev2"),
        ["resolved with RCA"] = () => IncidentBuilder.In(IncidentState.Resolved).WithRcaSubmitted(),
        ["rca pending"] = () => IncidentBuilder.In(IncidentState.RcaPending),
        ["closed"] = () => IncidentBuilder.In(IncidentState.Closed),
        ["closed sev4"] = () => IncidentBuilder.In(IncidentState.Closed).WithSeverity("sev4"),
        ["cancelled"] = () => IncidentBuilder.In(IncidentState.Cancelled),
    };

    public static TheoryData<string, string> SituationsAndIntents()
    {
        var data = new TheoryData<string, string>();
        foreach (var situation in Situations.Keys)
        {
            foreach (var intent in IntentCatalogue.Commands.Keys.Concat(IntentCatalogue.Timers.Keys))
                data.Add(situation, intent);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SituationsAndIntents))]
    public void Intent_InAnyState_AnswersWithASentenceAndNeverThrows(string situation, string intent)
    {
        var outcomes = new List<Outcome>();

        foreach (var who in IntentCatalogue.Actors)
        {
            var incident = Situations[situation]().Build();
            var before = incident.State;
            var outcome = IntentCatalogue.Commands.TryGetValue(intent, out var command)
                ? command(incident, who)
                : IntentCatalogue.Timers[intent](incident);
            outcomes.Add(outcome);
            if (!outcome.Changed)
            {
                incident.State.Should().Be(before, "{0} by {1} was not accepted", intent, who.Id);
                incident.NewTimelineEntries.Should().BeEmpty();
                incident.Notices.Should().BeEmpty();
            }
        }

        outcomes.Should().OnlyContain(o => !string.IsNullOrWhiteSpace(o.Message));
    }

    [Theory]
    [MemberData(nameof(SituationsAndIntents))]
    public void Intent_WhenAccepted_PostsExactlyOnceInTheIncidentConversationBesideTheCardUpdate(string situation, string intent)
    {
        foreach (var who in IntentCatalogue.Actors)
        {
            var incident = Situations[situation]().Build();
            incident.After(TimeSpan.FromHours(3.5));

            var outcome = IntentCatalogue.Commands.TryGetValue(intent, out var command)
                ? command(incident, who)
                : IntentCatalogue.Timers[intent](incident);

            if (!outcome.Changed)
                continue;
            var here = incident.Notices.Where(n => n.Audience == Audience.Incident).ToList();
            here.Count(n => n.Kind == NoticeKind.CardUpdate).Should().Be(1, "{0} by {1} updates the card once", intent, who.Id);
            here.Count(n => n.Kind != NoticeKind.CardUpdate).Should().Be(1, "{0} by {1} posts once in the incident's conversation", intent, who.Id);
        }
    }

    [Fact]
    public void AnySequenceOfIntents_KeepsTheLifecycleConsistent()
    {
        var names = IntentCatalogue.Commands.Keys.Concat(IntentCatalogue.Timers.Keys).ToArray();
        var step = Gen.Select(Gen.Int[0, names.Length - 1], Gen.Int[0, IntentCatalogue.Actors.Length - 1], Gen.Int[1, 24 * 60]);

        step.Array[1, 40].Sample(steps =>
        {
            var incident = IncidentBuilder.Reported().WithSeverity("sev1").Build();
            var minutes = 10;
            foreach (var (intent, actor, wait) in steps)
            {
                minutes += wait;
                incident.After(TimeSpan.FromMinutes(minutes));
                var before = incident.State;
                var outcome = IntentCatalogue.Commands.TryGetValue(names[intent], out var command)
                    ? command(incident, IntentCatalogue.Actors[actor])
                    : IntentCatalogue.Timers[names[intent]](incident);

                outcome.Message.Should().NotBeNullOrWhiteSpace();
                incident.State.Should().NotBe(IncidentState.Open);
                incident.Level.Should().BeInRange(1, 3);
                if (outcome.Changed)
                    incident.NewTimelineEntries.Should().ContainSingle().Which.FromState.Should().Be(before);
                else
                    incident.State.Should().Be(before);
                if (incident.State == IncidentState.Acknowledged)
                    incident.AcknowledgedById.Should().NotBeNull();
                if (incident.State == IncidentState.Closed)
                    incident.ClosedAt.Should().NotBeNull();
            }
        });
    }
}
