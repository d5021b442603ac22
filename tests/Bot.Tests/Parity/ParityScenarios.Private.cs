namespace Jivrus.IncidentBot.Bot.Tests.Parity;

// Private incidents and drills, the same in every channel: a private incident is announced nowhere and unknown to
// anyone outside it; a drill is paged as for real, marked DRILL, and announced nowhere.
public abstract partial class ParityScenarios
{
    [Fact]
    public async Task PrivateReport_IsNotAnnouncedAndIsUnknownToSomeoneOutsideIt()
    {
        var reported = await Chat.SayAsync(Eve, "/incident report Customer data exposed sev1 private");

        var outsider = await Chat.SayAsync(Chen, "/incident show INC-1");
        var member = await Chat.SayAsync(Ana, "/incident show INC-1");

        reported.Reply.Split('\n').Take(2).Should().Equal(
            "INC-1 reported: Customer data exposed. Filed as sev1 (Critical), as chosen. Not right? /incident sev INC-1 <sev1..sev4>",
            "It is private: nothing goes to the announce channel, and only the people paged, you, its commander and managers can see it.");
        (await Chat.PostsAsync(Place.Announce)).Should().BeEmpty();
        (await Chat.PostsAsync(Place.DirectTo(Ana))).Should().Equal("You are paged for INC-1 (Critical): Customer data exposed. Acknowledge within 15m.");
        outsider.Reply.Should().Be("There is no INC-1. /incident list shows the open incidents.");
        member.Reply.Split('\n')[0].Should().Be("INC-1: Customer data exposed");
    }

    [Fact]
    public async Task Drill_IsPagedMarkedDrillAndNotAnnounced()
    {
        var started = await Chat.SayAsync(Eve, "/incident drill Database failover practice sev2");

        var acknowledged = await Chat.SayAsync(Ana, "/incident ack INC-1");

        started.Reply.Should().Be("[DRILL] INC-1 reported: Database failover practice. Filed as sev2 (High), as chosen. Not right? /incident sev INC-1 <sev1..sev4>\n"
            + "This is a drill: nothing goes to the announce channel and it stays out of the SLA figures; the ladder and its timers run as for real.");
        (await Chat.PostsAsync(Place.Announce)).Should().BeEmpty();
        // In Teams the drill's conversation is its people's 1:1 chats, so more follows the page there.
        (await Chat.PostsAsync(Place.DirectTo(Ben)))[0].Should().Be("[DRILL] You are paged for INC-1 (High): Database failover practice. Acknowledge within 30m.");
        acknowledged.Reply.Should().Be("[DRILL] Ana acknowledged INC-1.");
    }
}
