using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class IncidentIdTests
{
    [Theory]
    [InlineData("INC-7")]
    [InlineData("inc-7")]
    [InlineData("Inc7")]
    [InlineData("#7")]
    [InlineData("#INC-7")]
    [InlineData("7")]
    public void Id_AllForms_MeanTheSameIncident(string id) =>
        Incident($"ack {id}").Should().Be(new AcknowledgeCommand(7));

    [Theory]
    [InlineData("INC-x")]
    [InlineData("inc-")]
    [InlineData("#0")]
    [InlineData("INC-99999999999")]
    public void Id_MalformedButMeantAsId_IsExplained(string id) =>
        IncidentError($"resolve {id} fixed").Should().Be($"'{id}' is not an incident id; write it like INC-7, #7 or 7.");

    [Theory]
    [InlineData("0 replicas were up", "0 replicas were up")]
    [InlineData("99999999999 requests failed", "99999999999 requests failed")]
    [InlineData("#hashtag fixed", "#hashtag fixed")]
    [InlineData("include fix", "include fix")]
    public void Id_BareNumberThatIsNoId_StaysText(string text, string resolution) =>
        Incident($"resolve {text}").Should().Be(new ResolveCommand(null, resolution));

    [Fact]
    public void Id_LargestIntIncident_IsAccepted() =>
        Incident($"show INC-{int.MaxValue}").Should().Be(new ShowCommand(int.MaxValue));
}
