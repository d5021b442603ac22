using Jivrus.IncidentBot.Bot.Conversations;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

public sealed class AssignRouteTests
{
    [Theory]
    [InlineData(ChannelKind.Local, "ana", "assign 1 fay")]
    [InlineData(ChannelKind.Local, "ana", "assign 1 Fay")]
    [InlineData(ChannelKind.Local, "ana", "assign INC-1 @fay")]
    [InlineData(ChannelKind.Slack, "U01ANA", "assign 1 <@U01FAY>")]
    [InlineData(ChannelKind.Slack, "U01ANA", "assign 1 <@U01FAY|fay>")]
    [InlineData(ChannelKind.Slack, "U01ANA", "assign 1 <@U09UNKNOWN|fay>")]
    [InlineData(ChannelKind.Teams, "29:ana-aad", "assign 1 <at>Fay</at>")]
    [InlineData(ChannelKind.Teams, "29:ana-aad", "assign 1 <at>Fay Smith</at>")]
    public async Task Assign_InEveryForm_MakesFayCommanderAndSheMayUpdate(ChannelKind channel, string ana, string command)
    {
        await using var host = new RouteHost();
        await host.IncidentAsync("eve", "report Checkout down sev2");

        var assigned = await host.SayAsync(channel, ana, command);
        var update = await host.IncidentAsync("fay", "update 1 Rolling back the release");

        assigned.Text.Should().Be("Ana made Fay the commander of INC-1.");
        update.Text.Should().Be("Update on INC-1 from Fay: Rolling back the release");
    }

    [Fact]
    public async Task Update_ByACommanderWithoutAnyRole_IsAccepted()
    {
        await using var host = new RouteHost();
        await host.IncidentAsync("eve", "report Checkout down sev2");
        await host.IncidentAsync("ana", "assign 1 gus");

        var update = await host.IncidentAsync("gus", "update 1 Rolling back the release");

        update.Text.Should().Be("Update on INC-1 from Gus: Rolling back the release");
    }

    [Fact]
    public async Task Assign_SomeoneNotInThePlan_ListsWhoCanBeAssigned()
    {
        await using var host = new RouteHost();
        await host.IncidentAsync("eve", "report Checkout down sev2");

        var reply = await host.IncidentAsync("ana", "assign 1 zed");

        reply.Text.Should().Be("zed is not in the response plan, and only its people can command an incident. "
            + "You can assign Ana (@ana), Ben (@ben), Chen (@chen), Dana (@dana), Fay (@fay), Gus (@gus).");
    }

    [Fact]
    public async Task Update_ByAnEmployee_IsRefusedNamingWhoCan()
    {
        await using var host = new RouteHost();
        await host.IncidentAsync("eve", "report Checkout down sev2");
        await host.IncidentAsync("ana", "assign 1 gus");

        var reply = await host.IncidentAsync("eve", "update 1 I think it is DNS");

        reply.Text.Should().Be("eve cannot update INC-1. Ask someone paged for it (Ana, Ben), its commander (Gus) or a manager (Dana), or use /escalate INC-1 to page the next level.");
    }
}
