using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

/// <summary>Closed and Cancelled accept nothing; every command gets a sentence, never an exception.</summary>
public class IncidentFinishedStateTests
{
    public static TheoryData<IncidentState, string, string> Commands()
    {
        var data = new TheoryData<IncidentState, string, string>();
        foreach (var (state, sentence) in new[] { (IncidentState.Closed, "INC-1 is closed."), (IncidentState.Cancelled, "INC-1 was cancelled (false alarm).") })
        {
            foreach (var command in IntentCatalogue.Commands.Keys)
                data.Add(state, command, sentence);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_OnAFinishedIncident_IsRefusedWithAClearSentence(IncidentState state, string command, string sentence)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcome = IntentCatalogue.Commands[command](incident, People.Dana);

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be(sentence);
        incident.State.Should().Be(state);
        incident.NewTimelineEntries.Should().BeEmpty();
        incident.Notices.Should().BeEmpty();
    }

    [Theory]
    [InlineData(IncidentState.Closed)]
    [InlineData(IncidentState.Cancelled)]
    public void Timers_OnAFinishedIncident_DoNothing(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcomes = IntentCatalogue.Timers.Values.Select(fire => fire(incident)).ToList();

        outcomes.Should().OnlyContain(o => o.Kind == OutcomeKind.Unchanged && o.Message.Length > 0);
        incident.Notices.Should().BeEmpty();
    }
}
