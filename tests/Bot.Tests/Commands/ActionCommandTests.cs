using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class ActionCommandTests
{
    private static readonly PersonMention Chen = new("@chen", null, null, "chen");

    [Fact]
    public void ActionAdd_WithOwnerAndDue_ReadsTextOwnerAndDue() =>
        Incident("action add INC-7 Alert on certificate expiry owner @chen due 2026-12-20")
            .Should().Be(new ActionAddCommand(7, "Alert on certificate expiry", Chen, "2026-12-20"));

    [Fact]
    public void ActionAdd_DueBeforeOwner_AndNoId_IsReadToo() =>
        Incident("action add Alert on expiry due 5d owner @chen")
            .Should().Be(new ActionAddCommand(null, "Alert on expiry", Chen, "5d"));

    [Fact]
    public void ActionAdd_SlackMention_IsTheOwner() =>
        ((ActionAddCommand)Incident("action add 7 Rotate keys owner <@U01CHEN|chen>")).Owner.SlackUserId.Should().Be("U01CHEN");

    [Theory]
    [InlineData("action add INC-7 Alert on expiry")]
    [InlineData("action add INC-7 owner @chen")]
    [InlineData("action add INC-7 Alert on expiry owner")]
    public void ActionAdd_WithoutTextOrOwner_IsItsUsageLine(string text) =>
        IncidentError(text).Should().Be("Usage: /incident action add [INC-n] <text> owner <@person> [due <duration|YYYY-MM-DD>]");

    [Theory]
    [InlineData("action done INC-7 2", 7)]
    [InlineData("action done INC-7 #2", 7)]
    [InlineData("action done 7 2", 7)]
    [InlineData("action done 2", null)]
    [InlineData("action done #2", null)]
    public void ActionDone_NamesTheActionAfterTheIncident(string text, int? incident) =>
        Incident(text).Should().Be(new ActionDoneCommand(incident, 2));

    [Fact]
    public void ActionDrop_ReadsTheReason() =>
        Incident("action drop INC-7 2 the vendor fixed it").Should().Be(new ActionDropCommand(7, 2, "the vendor fixed it"));

    [Fact]
    public void ActionDrop_WithoutReason_IsItsUsageLine() =>
        IncidentError("action drop INC-7 2").Should().Be("Usage: /incident action drop [INC-n] <k> <reason>");

    [Fact]
    public void ActionSet_ReadsOwnerAndDue() =>
        Incident("action set INC-7 1 owner @chen due 3d").Should().Be(new ActionSetCommand(7, 1, Chen, "3d"));

    [Fact]
    public void Action_WithAnUnknownVerb_ListsItsForms() =>
        IncidentError("action finish 2").Should().Be(
            "Usage: /incident action add [INC-n] <text> owner <@person> [due <duration|YYYY-MM-DD>] | /incident action set [INC-n] <k> [owner <@person>] [due <duration|YYYY-MM-DD>] | /incident action done [INC-n] <k> | /incident action drop [INC-n] <k> <reason>");

    [Theory]
    [InlineData("actions", null, ActionsScope.Incident)]
    [InlineData("actions INC-7", 7, ActionsScope.Incident)]
    [InlineData("actions mine", null, ActionsScope.Mine)]
    [InlineData("actions overdue", null, ActionsScope.Overdue)]
    public void Actions_ReadsWhichActions(string text, int? incident, ActionsScope scope) =>
        Incident(text).Should().Be(new ActionsCommand(incident, scope));

    [Fact]
    public void DoneButton_IsTheActionDoneCommand() =>
        Command(ButtonCommands.From(new InboundAction(ActionIds.ActionDone, "INC-7 #2"))).Should().Be(new ActionDoneCommand(7, 2));

    [Fact]
    public void DoneButton_WithoutAnAction_SaysWhatItCarries() =>
        Error(ButtonCommands.From(new InboundAction(ActionIds.ActionDone, "INC-7"))).Should().Be("That button carries no incident and action ('INC-7').");
}
