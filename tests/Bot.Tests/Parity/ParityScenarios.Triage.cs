using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>Severity words and triage, the same in every channel.</summary>
public abstract partial class ParityScenarios
{
    private const string TriageReply = "INC-1 reported: Checkout looks odd. It needs triage: no severity word was found, so it runs on sev1 (Critical) clocks "
        + "and Support on-call is paged. Pick its severity on the card or with /incident sev INC-1 <sev1..sev4>.";

    [Fact]
    public async Task Report_WithTheSeverityName_FilesItAndSaysWhichWordDecided()
    {
        var turn = await Chat.SayAsync(Eve, "/incident report Checkout down critical");

        turn.Reply.Split('\n')[0].Should().Be("INC-1 reported: Checkout down critical. Filed as sev1 (Critical) because of \"critical\". Not right? /incident sev INC-1 <sev1..sev4>");
        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("sev1 · Critical");
    }

    [Fact]
    public async Task Report_WithNoSeverityWord_NeedsTriageAndTheCardOffersEverySeverity()
    {
        var turn = await Chat.SayAsync(Eve, "/incident report Checkout looks odd");

        turn.Reply.Split('\n')[0].Should().Be(TriageReply);
        var card = await Chat.CardAsync(Place.Announce, Inc1);
        card.Should().Contain("needs triage (runs on sev1 · Critical clocks until someone picks one)");
        card!.Split('\n').Where(l => l.StartsWith("sev", StringComparison.Ordinal) && l.Contains(" · ", StringComparison.Ordinal))
            .Should().Equal("sev1 · Critical", "sev2 · High", "sev3 · Medium", "sev4 · Low");
        (await Chat.PostsAsync(Place.DirectTo(Ana))).Should().Equal(
            "You are paged for INC-1 (needs triage): Checkout looks odd. Acknowledge within 15m and pick its severity on the card or with /incident sev INC-1 <sevN>.");
    }

    [Fact]
    public async Task SeverityButton_PressedByAResponder_PicksItAndClearsTriage()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout looks odd");

        await Chat.PressAsync(Ana, ActionIds.Severity, "INC-1 sev2");

        var card = await Chat.CardAsync(Place.Announce, Inc1);
        card.Should().Contain("sev2 · High").And.NotContain("Needs triage").And.NotContain("sev4 · Low");
        (await Chat.PostsAsync(Place.Announce)).Should().Contain("Ana changed INC-1 from needs triage to sev2 (High).");
    }

    [Fact]
    public async Task SeverityButton_PressedBySomeoneWhoMayNotChangeIt_LeavesTheTriage()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout looks odd");

        var turn = await Chat.PressAsync(Eve, ActionIds.Severity, "INC-1 sev4");

        // The refusal is Desk.Authorize's own sentence: the press went the same way as /incident sev.
        turn.Reply.Should().Be("Eve cannot change the severity of INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana), or use /escalate INC-1 to page the next level.");
        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("needs triage (runs on sev1 · Critical clocks until someone picks one)");
    }
}
