using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Plan;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

public sealed class TriageTests : IAsyncLifetime
{
    private static readonly Actor Eve = Actor.Employee("slack:U01EVE", "Eve");
    private static readonly Actor Ana = Actor.Person("ana", "Ana");
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(StorageProvider.Sqlite, SeverityWordsTests.PlanWithAliases());

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData("Checkout down critical", "Checkout down critical", "because of \"down\"")]
    [InlineData("Checkout down sev 1", "Checkout down", ", as chosen")]
    [InlineData("Checkout Critical severity", "Checkout Critical severity", "because of \"Critical\"")]
    [InlineData("Checkout security breach", "Checkout security breach", "because of \"breach\"")]
    public async Task Report_WithACriticalWord_FilesSev1AndSaysWhy(string text, string title, string why)
    {
        var severity = text.EndsWith("sev 1", StringComparison.Ordinal) ? "sev1" : null;
        var report = new IncidentReport(severity is null ? text : title, severity);

        var result = await _store.Desk.ReportAsync(Eve, report);

        result.Message.Should().Be($"INC-1 reported: {title}. Filed as sev1 (Critical){(why.StartsWith(',') ? why : " " + why)}. Not right? /incident sev INC-1 <sev1..sev4>");
        result.Incident!.SeverityId.Should().Be("sev1");
        result.Incident.NeedsTriage.Should().BeFalse();
    }

    [Fact]
    public async Task Report_WithAPriorityToken_FilesItAndDropsTheTokenFromTheTitle()
    {
        var result = await _store.Desk.ReportAsync(Eve, new IncidentReport("P2 search results empty"));

        result.Message.Should().Be("INC-1 reported: search results empty. Filed as sev2 (High) because of \"P2\". Not right? /incident sev INC-1 <sev1..sev4>");
    }

    [Fact]
    public async Task Report_WithAChosenSeverityAndAnotherExplicitToken_IsRefused()
    {
        var result = await _store.Desk.ReportAsync(Eve, new IncidentReport("Checkout fails sev1", "sev3"));

        result.Status.Should().Be(DeskStatus.Invalid);
        result.Message.Should().Be("Give one severity, not both sev3 and sev1.");
    }

    [Fact]
    public async Task Report_WithNoSeverityWord_NeedsTriageOnTheMostUrgentClocks()
    {
        var result = await _store.Desk.ReportAsync(Eve, new IncidentReport("Checkout looks odd"));

        result.Message.Should().Be("INC-1 reported: Checkout looks odd. It needs triage: no severity word was found, so it runs on sev1 (Critical) clocks "
            + "and Support on-call is paged. Pick its severity on the card or with /incident sev INC-1 <sev1..sev4>.");
        var view = result.Incident!;
        view.NeedsTriage.Should().BeTrue();
        view.SeverityLabel.Should().Be("needs triage");
        view.AcknowledgeBy.Should().Be(TestStore.Start.AddMinutes(15));
        view.ResolveBy.Should().Be(TestStore.Start.AddHours(4));
        view.SeverityChoices.Should().Equal(new SeverityRef("sev1", "Critical"), new SeverityRef("sev2", "High"), new SeverityRef("sev3", "Medium"), new SeverityRef("sev4", "Low"));
    }

    [Fact]
    public async Task Report_WithNoSeverityWord_PagesLevelOneSayingItNeedsTriageAndDoesNotTellManagement()
    {
        await _store.Desk.ReportAsync(Eve, new IncidentReport("Checkout looks odd"));

        await using var db = await _store.OpenAsync();
        var pages = await db.Outbox.Where(o => o.Kind == NoticeKind.Page).OrderBy(o => o.PersonId).Select(o => o.PersonId + ": " + o.Text).ToListAsync();
        pages.Should().Equal(
            "ana: You are paged for INC-1 (needs triage): Checkout looks odd. Acknowledge within 15m and pick its severity on the card or with /incident sev INC-1 <sevN>.",
            "ben: You are paged for INC-1 (needs triage): Checkout looks odd. Acknowledge within 15m and pick its severity on the card or with /incident sev INC-1 <sevN>.");
        (await db.Outbox.CountAsync(o => o.Audience == Audience.Management)).Should().Be(0);
    }

    [Fact]
    public async Task ChangeSeverity_OnATriageIncident_ClearsTriageAndReplansTheClocks()
    {
        await _store.Desk.ReportAsync(Eve, new IncidentReport("Checkout looks odd"));

        var result = await _store.Desk.ChangeSeverityAsync(Ana, 1, "sev2");

        result.Status.Should().Be(DeskStatus.Done);
        result.Message.Should().Be("Ana changed INC-1 from needs triage to sev2 (High).");
        var view = result.Incident!;
        view.NeedsTriage.Should().BeFalse();
        view.SeverityChoices.Should().BeEmpty();
        view.AcknowledgeBy.Should().Be(TestStore.Start.AddMinutes(30));
        view.ResolveBy.Should().Be(TestStore.Start.AddHours(8));
    }

    [Fact]
    public async Task ChangeSeverity_ToTheMostUrgentOnATriageIncident_IsAChangeAndTellsManagement()
    {
        await _store.Desk.ReportAsync(Eve, new IncidentReport("Checkout looks odd"));

        var result = await _store.Desk.ChangeSeverityAsync(Ana, 1, "critical");

        result.Status.Should().Be(DeskStatus.Done);
        result.Message.Should().Be("Ana changed INC-1 from needs triage to sev1 (Critical).");
        await using var db = await _store.OpenAsync();
        (await db.Outbox.Where(o => o.Audience == Audience.Management).Select(o => o.Text).ToListAsync())
            .Should().Equal("Ana changed INC-1 from needs triage to sev1 (Critical). Support on-call is paged.");
        (await db.Incidents.SingleAsync()).NeedsTriage.Should().BeFalse();
    }

    [Fact]
    public async Task ChangeSeverity_ByName_IsAccepted()
    {
        await _store.Desk.ReportAsync(Eve, new IncidentReport("Checkout fails", "sev3"));

        var result = await _store.Desk.ChangeSeverityAsync(Ana, 1, "High");

        result.Message.Should().Be("Ana changed INC-1 from sev3 (Medium) to sev2 (High).");
    }

    [Fact]
    public async Task Report_WithAPlanDefault_UsesItInsteadOfTriage()
    {
        await using var store = await TestStore.CreateAsync(StorageProvider.Sqlite, SeverityWordsTests.PlanWithAliases() with { DefaultSeverity = "sev3" });

        var result = await store.Desk.ReportAsync(Eve, new IncidentReport("Checkout looks odd"));

        result.Message.Should().Be("INC-1 reported: Checkout looks odd. Filed as sev3 (Medium), the plan's default: no severity word was found. Not right? /incident sev INC-1 <sev1..sev4>");
        result.Incident!.NeedsTriage.Should().BeFalse();
    }

    [Fact]
    public async Task Close_OfAnIncidentNeverTriaged_AsksForTheRcaOfTheMostUrgentSeverity()
    {
        await _store.Desk.ReportAsync(Eve, new IncidentReport("Checkout looks odd"));
        await _store.Desk.ResolveAsync(Ana, 1, "Restarted the pods");

        var result = await _store.Desk.CloseAsync(Ana, 1);

        result.Message.Should().Be("INC-1 is still waiting for triage, so it counts as Critical: a root-cause analysis is required before it closes (due within 5d).");
    }
}
