using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Visibility;

/// <summary>Private incidents through the Desk (plan: L1 ana, ben; L2 chen; management dana, a manager; eve on no level).</summary>
public sealed class PrivateIncidentTests : SqliteStoreTest
{
    private const string Leak = "Customer export readable without login";

    [Fact]
    public async Task Report_Private_PostsNothingToAnnounceAndTellsTheManagersPersonally()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        (await OutboxAsync()).Should().Equal(
            "Card Incident : Eve reported INC-1 (Critical): Customer export readable without login",
            "Message Person dana: Eve reported INC-1 (Critical): Customer export readable without login. Support on-call is paged.",
            "Page Person ana: You are paged for INC-1 (Critical): Customer export readable without login. Acknowledge within 15m.",
            "Page Person ben: You are paged for INC-1 (Critical): Customer export readable without login. Acknowledge within 15m.");
    }

    [Fact]
    public async Task Report_Private_AnswerSaysWhoCanSeeIt()
    {
        var result = await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        result.Message.Should().Be("INC-1 reported: Customer export readable without login. Filed as sev1 (Critical), as chosen. Not right? /incident sev INC-1 <sev1..sev4>\n"
            + "It is private: nothing goes to the announce channel, and only the people paged, you, its commander and managers can see it.");
    }

    [Fact]
    public async Task Show_PrivateToSomeoneNotPaged_AnswersExactlyAsForANumberThatDoesNotExist()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        var hidden = await Store.Desk.ShowAsync(1, People.Chen);
        var unknown = await Store.Desk.ShowAsync(2, People.Chen);

        hidden.Should().Be(DeskResult.NotFound(1));
        unknown.Should().Be(DeskResult.NotFound(2));
    }

    [Theory]
    [InlineData("eve")]
    [InlineData("ana")]
    [InlineData("dana")]
    public async Task Show_PrivateToAMember_ShowsIt(string person)
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        var shown = await Store.Desk.ShowAsync(1, Actor.Person(person, person));

        shown.Status.Should().Be(DeskStatus.Unchanged);
        shown.Incident!.Members.Select(m => m.Id).Should().Equal("ana", "ben", "dana", "eve");
    }

    [Fact]
    public async Task Escalate_Private_TheNextLevelJoinsTheMembers()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        await Store.Desk.EscalateAsync(People.Ana, 1, "need engineering");

        (await Store.Desk.ShowAsync(1, People.Chen)).Status.Should().Be(DeskStatus.Unchanged);
    }

    [Fact]
    public async Task Acknowledge_PrivateBySomeoneNotAMember_AnswersAsForANumberThatDoesNotExist()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        var result = await Store.Desk.AcknowledgeAsync(People.Chen, 1);

        result.Should().Be(DeskResult.NotFound(1));
    }

    [Fact]
    public async Task Timeline_PrivateToSomeoneNotPaged_IsNull()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        (await Store.Desk.TimelineAsync(1, People.Chen)).Should().BeNull();
        (await Store.Desk.TimelineAsync(1, People.Ben))!.Value.Entries.Should().ContainSingle();
    }

    [Fact]
    public async Task Postmortem_PrivateToSomeoneNotPaged_IsNullAsForANumberThatDoesNotExist()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));

        (await Store.Desk.PostmortemAsync(People.Chen, 1)).Should().BeNull();
        (await Store.Desk.PostmortemAsync(People.Chen, 2)).Should().BeNull();
        (await Store.Desk.PostmortemAsync(People.Ben, 1))!.Markdown.Split('\n')[0].Should().Be($"# Post-mortem of INC-1: {Leak}");
    }

    [Fact]
    public async Task Actions_OfAPrivateIncident_AreShownOnlyToMembersAndTheirOwner()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));
        (await Store.Desk.AddActionAsync(People.Ana, 1, "Lock every export bucket", "ben", "1d")).Status.Should().Be(DeskStatus.Done);
        Store.Time.Advance(TimeSpan.FromDays(2)); // overdue now

        (await Store.Desk.ActionsOfAsync(1, People.Chen)).Should().BeNull();
        (await Store.Desk.ActionsOfAsync(1, People.Ana))!.Select(a => a.Text).Should().Equal("Lock every export bucket");
        (await Store.Desk.ListActionsAsync(ActionFilter.Overdue, People.Chen)).Total.Should().Be(0);
        (await Store.Desk.ListActionsAsync(ActionFilter.Overdue, People.Dana)).Total.Should().Be(1);
        (await Store.Desk.ListActionsAsync(ActionFilter.Mine, People.Ben)).Total.Should().Be(1);
    }

    [Fact]
    public async Task ListOpen_CountsOnlyWhatTheAskerMaySee()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Search stale", "sev3"));

        var chen = await Store.Desk.ListAsync(IncidentFilter.Open, People.Chen);
        var ana = await Store.Desk.ListAsync(IncidentFilter.Open, People.Ana);

        chen.Total.Should().Be(2);
        chen.Shown.Select(i => i.Id).Should().Equal("INC-1", "INC-3");
        ana.Total.Should().Be(3);
        ana.Shown.Select(i => i.Id).Should().Equal("INC-2", "INC-1", "INC-3");
    }

    [Fact]
    public async Task ListClosed_CountsOnlyWhatTheAskerMaySee()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev2", Private: true));
        await Store.Desk.CancelAsync(People.Ana, 1, "false alarm");
        await Store.Desk.CancelAsync(People.Ana, 2, "false alarm");

        var chen = await Store.Desk.ListAsync(IncidentFilter.Closed, People.Chen);
        var dana = await Store.Desk.ListAsync(IncidentFilter.Closed, People.Dana);

        chen.Total.Should().Be(1);
        chen.Shown.Select(i => i.Id).Should().Equal("INC-1");
        dana.Total.Should().Be(2);
    }

    [Fact]
    public async Task MakePrivate_ByNoManager_IsRefusedNamingTheManagers()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));

        var result = await Store.Desk.SetPrivateAsync(People.Ana, 1, makePrivate: true);

        result.Status.Should().Be(DeskStatus.Refused);
        result.Message.Should().Be("Only a manager may make private INC-1; Ana is not one. Ask Dana.");
    }

    [Fact]
    public async Task MakePrivate_ByAManager_IsOnTheTimelineAndHidesTheIncident()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport("Checkout slow", "sev2"));

        var result = await Store.Desk.SetPrivateAsync(People.Dana, 1, makePrivate: true);

        result.Message.Should().Be("Dana made INC-1 private: from now on only the people paged, its reporter, its commander and managers see it.");
        (await Store.Desk.TimelineAsync(1, People.Dana))!.Value.Entries.Select(e => e.Action).Should().Equal("reported", "made-private");
        (await Store.Desk.ShowAsync(1, People.Chen)).Should().Be(DeskResult.NotFound(1));
    }

    [Fact]
    public async Task MakePublic_ByAManager_PostsTheCardToTheAnnounceChannel()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev1", Private: true));
        await ClearOutboxAsync();

        var result = await Store.Desk.SetPrivateAsync(People.Dana, 1, makePrivate: false);

        result.Message.Should().Be("Dana made INC-1 public: everyone may see it from now on.");
        (await OutboxAsync()).Should().Equal(
            "CardUpdate Incident : Dana made INC-1 public: everyone may see it from now on.",
            "Message Incident : Dana made INC-1 public: everyone may see it from now on.",
            "Card Announce : Dana made INC-1 (Critical) public: Customer export readable without login");
    }

    [Fact]
    public async Task Resolve_Private_TellsTheIncidentConversationButNotTheAnnounceChannel()
    {
        await Store.Desk.ReportAsync(People.Eve, new IncidentReport(Leak, "sev2", Private: true));
        await ClearOutboxAsync();

        await Store.Desk.ResolveAsync(People.Ana, 1, "Locked the export bucket");

        (await OutboxAsync()).Should().Equal(
            "CardUpdate Incident : Ana resolved INC-1 in under a minute: Locked the export bucket",
            "Message Incident : Ana resolved INC-1 in under a minute: Locked the export bucket");
    }

    private async Task<List<string>> OutboxAsync()
    {
        await using var db = await Store.OpenAsync();
        return await db.Outbox.Where(o => o.DeliveredAt == null).OrderBy(o => o.Id)
            .Select(o => $"{o.Kind} {o.Audience} {o.PersonId}: {o.Text}").ToListAsync();
    }

    private async Task ClearOutboxAsync()
    {
        await using var db = await Store.OpenAsync();
        await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.DeliveredAt, Store.Time.GetUtcNow()));
    }
}
