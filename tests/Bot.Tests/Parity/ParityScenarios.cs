using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>
/// The product's scenarios, written once and run against every chat channel through its fakes: a feature that
/// works in one channel and not in the other fails here. Each concrete class only supplies the driver.
/// </summary>
public abstract partial class ParityScenarios : IAsyncLifetime
{
    protected const string Ana = "ana";
    protected const string Ben = "ben";
    protected const string Chen = "chen";
    protected const string Dana = "dana";
    protected const string Eve = "eve";
    protected const string Inc1 = "INC-1";

    protected IChatDriver Chat { get; private set; } = null!;

    protected abstract IChatDriver CreateDriver();

    public Task InitializeAsync()
    {
        Chat = CreateDriver();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Chat.DisposeAsync();

    [Fact]
    public async Task Report_AnswersTheReporterWithTheNewIncidentId()
    {
        var turn = await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        turn.Reply.Split('\n')[0].Should().Be("INC-1 reported: Checkout down. Filed as sev1 (Critical), as chosen. Not right? /incident sev INC-1 <sev1..sev4>");
    }

    [Fact]
    public async Task ReportFormSubmitted_FilesTheIncidentAndPostsItsCard()
    {
        var form = (await Chat.SayAsync(Eve, "/incident report")).Form;
        form.Should().NotBeNull();
        form!.Kind.Should().Be(FormKind.Report);

        await Chat.SubmitAsync(Eve, form, ("title", "Checkout down"), ("severity", "sev2"), ("impact", "All card payments fail"));

        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("INC-1 · Checkout down").And.Contain("sev2 · High").And.Contain("Impact: All card payments fail");
    }

    [Fact]
    public async Task Report_PostsTheCardInTheAnnounceChannel()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("INC-1 · Checkout down").And.Contain("reported").And.Contain("sev1 · Critical");
    }

    [Fact]
    public async Task Report_PostsTheCardInTheIncidentConversation()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        (await Chat.CardAsync(Place.IncidentOf(Inc1), Inc1)).Should().Contain("INC-1 · Checkout down").And.Contain("reported");
    }

    [Fact]
    public async Task Report_PagesEveryoneOnTheFirstLevelInTheirDirectMessages()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        (await Chat.PostsAsync(Place.DirectTo(Ana))).Should().ContainSingle().Which.Should().Contain("You are paged for INC-1 (Critical): Checkout down");
        (await Chat.PostsAsync(Place.DirectTo(Ben))).Should().ContainSingle().Which.Should().Contain("You are paged for INC-1");
        (await Chat.PostsAsync(Place.DirectTo(Chen))).Should().BeEmpty();
    }

    [Fact]
    public async Task ReportOfACriticalIncident_TellsManagement()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        (await Chat.PostsAsync(Place.Management)).Should().ContainSingle().Which.Should().Contain("Eve reported INC-1").And.Contain("Support on-call is paged");
    }

    [Fact]
    public async Task AcknowledgeButton_ShowsAcknowledgedOnEveryCopyOfTheCard()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1, on: Place.DirectTo(Ana));

        var cards = await Chat.CardsAsync(Inc1);
        cards.Should().HaveCountGreaterThanOrEqualTo(3, "the announce channel and both paged people got the card");
        cards.Should().OnlyContain(card => card.Contains("acknowledged") && card.Contains("Ana"));
        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("acknowledged");
        (await Chat.CardAsync(Place.IncidentOf(Inc1), Inc1)).Should().Contain("acknowledged");
    }

    [Fact]
    public async Task AcknowledgeButton_PressedAgainBySomeoneElse_AnswersWhoAlreadyAcknowledged()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1, on: Place.DirectTo(Ana));

        var turn = await Chat.PressAsync(Ben, ActionIds.Acknowledge, Inc1);

        turn.Reply.Should().Contain("INC-1 is already acknowledged by Ana");
    }

    [Fact]
    public async Task EscalateCommand_PagesTheNextLevel()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1);

        await Chat.SayAsync(Ana, "/escalate INC-1 needs the database team");

        (await Chat.PostsAsync(Place.DirectTo(Chen))).Should().ContainSingle().Which.Should().Contain("You are paged for INC-1");
        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("L2 · Engineering on-call");
        (await Chat.PostsAsync(Place.IncidentOf(Inc1))).Should().Contain(p => p.Contains("Ana escalated INC-1 to Engineering on-call (L2): needs the database team"));
    }

    [Fact]
    public async Task UpdateWithNextUpdate_IsPostedInTheIncidentConversation()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1);

        await Chat.SayAsync(Ana, "/incident update INC-1 Rolled back the release next 45m");

        (await Chat.PostsAsync(Place.IncidentOf(Inc1))).Should().Contain(p =>
            p.Contains("Update on INC-1 from Ana: Rolled back the release") && p.Contains("Next update in 45m"));
    }

    [Fact]
    public async Task UpdateTypedInTheIncidentConversation_NeedsNoIncidentId()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1);

        var turn = await Chat.SayAsync(Ana, "/incident update Payments recovering", Place.IncidentOf(Inc1));

        turn.Reply.Should().Contain("Update on INC-1 from Ana: Payments recovering");
        (await Chat.PostsAsync(Place.IncidentOf(Inc1))).Should().Contain(p => p.Contains("Update on INC-1 from Ana: Payments recovering"));
    }

    [Fact]
    public async Task Resolve_IsAnnouncedAndShownOnTheCard()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1);

        await Chat.SayAsync(Ana, "/incident resolve INC-1 Certificate renewed");

        (await Chat.PostsAsync(Place.Announce)).Should().Contain(p => p.Contains("Ana resolved INC-1") && p.Contains("Certificate renewed"));
        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("resolved").And.Contain("Resolution: Certificate renewed");
    }

    [Fact]
    public async Task CloseOfACriticalIncident_OpensTheRcaForm()
    {
        await ResolveCriticalAsync();

        var turn = await Chat.SayAsync(Ana, "/incident close INC-1");

        turn.Form.Should().NotBeNull();
        turn.Form!.Kind.Should().Be(FormKind.Rca);
        turn.Form.IncidentId.Should().Be(Inc1);
        (await Chat.PostsAsync(Place.IncidentOf(Inc1))).Should().Contain(p => p.Contains("INC-1 needs its root-cause analysis before it can close"));
    }

    [Fact]
    public async Task CloseOfACriticalIncident_IsRefusedUntilTheRcaIsIn()
    {
        await ResolveCriticalAsync();
        await Chat.SayAsync(Ana, "/incident close INC-1");

        var turn = await Chat.SayAsync(Ana, "/incident close INC-1");

        turn.Reply.Should().Contain("INC-1 is waiting for its root-cause analysis");
        (await Chat.CardsAsync(Inc1)).Should().OnlyContain(card => card.Contains("waiting for its RCA"));
    }

    [Fact]
    public async Task RcaFormWithoutActions_IsRefusedWithTheReasonAndKeepsTheIncidentOpen()
    {
        await ResolveCriticalAsync();
        var form = (await Chat.SayAsync(Ana, "/incident close INC-1")).Form!;

        var turn = await Chat.SubmitAsync(Ana, form, ("root_cause", "Expired certificate"));

        turn.Reply.Should().Contain("Name at least one corrective action and its owner.");
        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("waiting for its RCA");
    }

    [Fact]
    public async Task RcaFormSubmitted_ClosesTheIncidentEverywhere()
    {
        await ResolveCriticalAsync();
        var form = (await Chat.SayAsync(Ana, "/incident close INC-1")).Form!;

        await Chat.SubmitAsync(Ana, form, ("root_cause", "Expired certificate"), ("actions", "Alert 30 days before expiry owner @chen due 30d"));

        (await Chat.CardsAsync(Inc1)).Should().NotBeEmpty().And.OnlyContain(card => card.Contains("closed"));
        (await Chat.PostsAsync(Place.Management)).Should().Contain(p => p.Contains("Ana submitted the RCA of INC-1 and closed it: Expired certificate"));
    }

    [Fact]
    public async Task SummaryCommand_AnswersWithTheSummary()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(5));

        var turn = await Chat.SayAsync(Dana, "/incident summary");

        turn.Reply.Should().Contain("Daily incident summary").And.Contain("sev1 Critical").And.Contain("MTTA");
    }

    [Fact]
    public async Task NoAcknowledgementWithinTheWindow_PagesTheNextLevelInItsDirectMessage()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(15));

        (await Chat.PostsAsync(Place.DirectTo(Chen))).Should().ContainSingle().Which.Should().Contain("You are paged for INC-1");
        (await Chat.PostsAsync(Place.IncidentOf(Inc1))).Should().Contain(p => p.Contains("No acknowledgement from Support on-call (L1) within 15m"));
        (await Chat.CardAsync(Place.Announce, Inc1)).Should().Contain("L2 · Engineering on-call");
    }

    [Fact]
    public async Task HalfTheAcknowledgeWindow_RemindsThePagedPeople()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(8));

        (await Chat.PostsAsync(Place.DirectTo(Ana))).Should().Contain(p => p.Contains("Reminder: INC-1 (Critical) is waiting for an acknowledgement"));
    }

    [Fact]
    public async Task ResolveTargetPassed_TellsManagement()
    {
        await ReportAndAcknowledgeAsync();

        await Chat.AdvanceAsync(TimeSpan.FromHours(4));

        (await Chat.PostsAsync(Place.Management)).Should().Contain(p => p.Contains("SLA breached: INC-1 (Critical) was not resolved within 4h"));
    }

    [Fact]
    public async Task ResolveTargetPassed_IsPostedInTheIncidentConversation()
    {
        await ReportAndAcknowledgeAsync();

        await Chat.AdvanceAsync(TimeSpan.FromHours(4));

        (await Chat.PostsAsync(Place.IncidentOf(Inc1))).Should().Contain(p => p.Contains("SLA breached: INC-1"));
    }

    [Fact]
    public async Task ResolveTargetPassedOnACriticalIncident_PagesTheTopOfTheLadder()
    {
        await ReportAndAcknowledgeAsync();

        await Chat.AdvanceAsync(TimeSpan.FromHours(4));

        (await Chat.PostsAsync(Place.DirectTo(Dana))).Should().Contain(p => p.Contains("SLA breached: INC-1"));
    }

    [Fact]
    public async Task ThreeQuartersOfTheResolveTarget_WarnsManagement()
    {
        await ReportAndAcknowledgeAsync();

        await Chat.AdvanceAsync(TimeSpan.FromHours(3));

        (await Chat.PostsAsync(Place.Management)).Should().Contain(p => p.Contains("INC-1 (Critical) must be resolved by"));
    }

    [Fact]
    public async Task NoAcknowledgementOnAnyLevelBelowIt_PagesManagementAndTellsTheManagementChannel()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.AdvanceAsync(TimeSpan.FromMinutes(15));

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(15));

        (await Chat.PostsAsync(Place.DirectTo(Dana))).Should().Contain(p => p.Contains("You are paged for INC-1"));
        (await Chat.PostsAsync(Place.Management)).Should().Contain(p => p.Contains("INC-1 (Critical) reached Management: Checkout down."));
    }

    [Fact]
    public async Task UpdateOverdue_NudgesTheOwnerInTheIncidentConversation()
    {
        await ReportAndAcknowledgeAsync();

        await Chat.AdvanceAsync(TimeSpan.FromMinutes(30));

        (await Chat.PostsAsync(Place.IncidentOf(Inc1))).Should().Contain(p => p.Contains("An update on INC-1 is due, Ana"));
    }

    [Fact]
    public async Task RcaStillMissingAfterADay_RemindsTheOwnerDirectly()
    {
        await ResolveCriticalAsync();
        await Chat.SayAsync(Ana, "/incident close INC-1");

        await Chat.AdvanceAsync(TimeSpan.FromDays(1));

        (await Chat.PostsAsync(Place.DirectTo(Ana))).Should().Contain(p => p.Contains("The root-cause analysis of INC-1 is still missing"));
    }

    [Fact]
    public async Task DailySummaryTime_PostsTheSummaryToManagement()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        await Chat.AdvanceAsync(TimeSpan.FromHours(22));

        (await Chat.PostsAsync(Place.Management)).Should().Contain(p => p.Contains("Daily incident summary") && p.Contains("sev1 Critical"));
    }

    private async Task ReportAndAcknowledgeAsync()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1);
    }

    private async Task ResolveCriticalAsync()
    {
        await ReportAndAcknowledgeAsync();
        await Chat.SayAsync(Ana, "/incident resolve INC-1 Certificate renewed");
    }
}
