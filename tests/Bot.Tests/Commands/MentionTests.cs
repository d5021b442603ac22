using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class MentionTests
{
    [Fact]
    public void Assign_SlackMention_GivesTheSlackUserId() =>
        Incident("assign <@U123ABC>").Should().Be(new AssignCommand(null, new PersonMention("<@U123ABC>", "U123ABC", null, null)));

    [Fact]
    public void Assign_SlackMentionWithName_GivesTheSlackUserIdAndTheName() =>
        Incident("assign INC-7 <@U123ABC|ana>")
            .Should().Be(new AssignCommand(7, new PersonMention("<@U123ABC|ana>", "U123ABC", null, null) { Label = "ana" }));

    [Fact]
    public void Assign_TeamsMentionWithSpaces_IsOnePerson() =>
        Incident("assign 7 <at>Ana Silva</at>")
            .Should().Be(new AssignCommand(7, new PersonMention("<at>Ana Silva</at>", null, "Ana Silva", null)));

    [Fact]
    public void Assign_PlainAt_IsAPlanPersonId() =>
        Incident("assign @ana.silva").Should().Be(new AssignCommand(null, new PersonMention("@ana.silva", null, null, "ana.silva")));

    [Fact]
    public void Assign_PlainAtWithFullStop_DropsThePunctuation() =>
        Incident("assign @ana.").Should().BeOfType<AssignCommand>().Which.Person.PlanPersonId.Should().Be("ana");

    [Fact]
    public void Assign_BareWord_IsAPlanPersonIdOrName() =>
        Incident("assign 7 fay").Should().Be(new AssignCommand(7, new PersonMention("fay", null, null, "fay")));

    [Fact]
    public void Assign_SeveralPlainWords_IsOneName() =>
        Incident("assign 7 Fay Smith").Should().Be(new AssignCommand(7, new PersonMention("Fay Smith", null, null, "Fay Smith")));

    [Theory]
    [InlineData("assign")]
    [InlineData("assign 7")]
    [InlineData("assign <@lowercase>")]
    [InlineData("assign <at></at>")]
    [InlineData("assign @ana @bob")]
    public void Assign_WithoutOneMention_IsTheUsageLine(string text) =>
        IncidentError(text).Should().Be("Usage: /incident assign [INC-n] <@person>");
}
