using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>"Who may act": ladder levels reached, the commander, the responder role, managers; nobody else.</summary>
public sealed class WhoMayActTests : IAsyncLifetime
{
    private static readonly Actor Fay = Actor.Person("fay", "Fay");
    private static readonly Actor Gus = Actor.Person("gus", "Gus");
    private static readonly Actor Visitor = Actor.Employee("slack:U09VISIT", "Vic");

    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        var plan = TestPlans.Standard();
        plan = plan with
        {
            People = [.. plan.People, new Person("fay", "Fay", "U01FAY", "29:fay-aad", null, [PersonRoles.Responder]), new Person("gus", "Gus", null, null, null, [])],
        };
        _store = await TestStore.CreateAsync(StorageProvider.Sqlite, plan);
        await _store.Desk.ReportAsync(Visitor, new IncidentReport("Checkout down", "sev2"));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Workflow.Desk.Desk Desk => _store.Desk;

    [Theory]
    [InlineData("ana")]
    [InlineData("fay")]
    [InlineData("dana")]
    public async Task Update_BySomeoneWhoMayAct_IsDone(string who)
    {
        var actor = Actor.Person(who, _store.Plan.FindPerson(who)!.Name);

        var result = await Desk.UpdateAsync(actor, 1, "Looking at the payment gateway");

        result.Status.Should().Be(DeskStatus.Done);
    }

    [Fact]
    public async Task Update_ByALevelNotYetReached_IsRefusedNamingWhoCan()
    {
        var result = await Desk.UpdateAsync(People.Chen, 1, "On it");

        result.Status.Should().Be(DeskStatus.Refused);
        result.Message.Should().Be("Chen cannot update INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana), or use /escalate INC-1 to page the next level.");
    }

    [Fact]
    public async Task Update_ByALevelTheIncidentHasReached_IsDone()
    {
        await Desk.EscalateAsync(Visitor, 1, "nobody answers");

        var result = await Desk.UpdateAsync(People.Chen, 1, "On it");

        result.Status.Should().Be(DeskStatus.Done);
    }

    [Fact]
    public async Task Acknowledge_ByALevelTheIncidentHasReached_IsDone()
    {
        await Desk.EscalateAsync(Visitor, 1, "nobody answers");

        var result = await Desk.AcknowledgeAsync(People.Chen, 1);

        result.Status.Should().Be(DeskStatus.Done);
        result.Message.Should().Be("Chen acknowledged INC-1.");
    }

    [Fact]
    public async Task Update_ByTheCommanderWithoutAnyRole_IsDone()
    {
        await Desk.AssignAsync(People.Ana, 1, "gus");

        var result = await Desk.UpdateAsync(Gus, 1, "Rolling back");

        result.Status.Should().Be(DeskStatus.Done);
    }

    [Fact]
    public async Task Acknowledge_ByTheCommanderWithoutAnyRole_IsDone()
    {
        await Desk.AssignAsync(People.Ana, 1, "gus");

        var result = await Desk.AcknowledgeAsync(Gus, 1);

        result.Status.Should().Be(DeskStatus.Done);
    }

    [Fact]
    public async Task Assign_ThenTheResponderCommanderActs_IsDone()
    {
        await Desk.AssignAsync(People.Ana, 1, "fay");

        var result = await Desk.UpdateAsync(Fay, 1, "Payments are back for half of the customers");

        result.Status.Should().Be(DeskStatus.Done);
    }

    [Fact]
    public async Task Update_ByAPlanPersonWithoutARole_IsRefusedNamingTheCommanderToo()
    {
        await Desk.AssignAsync(People.Ana, 1, "gus");

        var result = await Desk.UpdateAsync(People.Eve, 1, "I think it is DNS");

        result.Status.Should().Be(DeskStatus.Refused);
        result.Message.Should().Be("Eve cannot update INC-1. Ask someone paged for it (Ana, Ben), its commander (Gus) or a manager (Dana), or use /escalate INC-1 to page the next level.");
    }

    [Fact]
    public async Task Resolve_ByAnEmployee_IsRefused()
    {
        var result = await Desk.ResolveAsync(Visitor, 1, "fixed");

        result.Status.Should().Be(DeskStatus.Refused);
        result.Message.Should().Be("Vic cannot resolve INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana), or use /escalate INC-1 to page the next level.");
    }

    [Fact]
    public async Task Escalate_ByAnEmployee_IsDone()
    {
        var result = await Desk.EscalateAsync(Visitor, 1, "nobody answers");

        result.Status.Should().Be(DeskStatus.Done);
    }

    [Fact]
    public async Task WaiveRca_ByAResponder_IsRefusedNamingTheManagers()
    {
        var result = await Desk.WaiveRcaAsync(Fay, 1, "nothing to learn");

        result.Status.Should().Be(DeskStatus.Refused);
        result.Message.Should().Be("Only a manager may waive the RCA of INC-1; Fay is not one. Ask Dana.");
    }
}
