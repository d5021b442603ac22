using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary><c>/ticket show</c>, <c>/ticket incident</c> and <c>/incident link</c> through the turn handler.</summary>
public sealed class TicketPromotionTests : IAsyncLifetime
{
    private FreshdeskScenario _scenario = null!;

    public Task InitializeAsync()
    {
        _scenario = new FreshdeskScenario();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task TicketIncident_CreatesAnIncidentLinkedToTheTicket()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());

        var reply = await _scenario.CommandAsync("ana", "/ticket", "incident 42");

        reply.Text.Should().Be("INC-1 reported: Checkout fails with error 500. Filed as sev2 (High) from the ticket's priority. Not right? /incident sev INC-1 <sev1..sev4>");
        var incident = await _scenario.Host.IncidentAsync(1);
        incident.Title.Should().Be("Checkout fails with error 500");
        incident.Impact.Should().Be("Customers cannot pay since 10:00.");
        incident.SeverityId.Should().Be("sev2"); // the plan's promoteAs for urgent tickets
        (await _scenario.TicketAsync(42))!.LinkedIncidents.Should().Equal(1);
        (await _scenario.Host.Desk.TimelineAsync(1))!.Value.Entries.Should().Contain(e => e.Text == "Promoted from Freshdesk ticket #42.");
    }

    [Fact]
    public async Task TicketIncident_WithASeverity_UsesItInsteadOfThePlans()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());

        await _scenario.CommandAsync("ana", "/ticket", "incident 42 sev1");

        (await _scenario.Host.IncidentAsync(1)).SeverityId.Should().Be("sev1");
    }

    [Fact]
    public async Task TicketIncident_Twice_DoesNotOpenASecondIncident()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());
        await _scenario.CommandAsync("ana", "/ticket", "incident 42");

        var second = await _scenario.CommandAsync("ana", "/ticket", "incident 42");

        second.Text.Should().Be("Ticket #42 is already linked to the open INC-1.");
        (await _scenario.Host.Desk.ShowAsync(2)).Incident.Should().BeNull();
    }

    [Fact]
    public async Task TicketIncident_ForATicketFreshdeskDoesNotHave_SaysSo()
    {
        var reply = await _scenario.CommandAsync("ana", "/ticket", "incident 77");

        reply.Text.Should().Be("Freshdesk has no ticket #77.");
    }

    [Fact]
    public async Task TicketShow_RendersTheTicketCardWithEscalateAndPromoteButtons()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());

        var reply = await _scenario.CommandAsync("eve", "/ticket", "show 42");

        var card = reply.Card!;
        card.Title.Should().Be("Ticket #42 · Checkout fails with error 500");
        card.Fields.Select(f => (f.Label, f.Value)).Should().Contain(
        [
            ("Priority", "Urgent"),
            ("Status", "Open"),
            ("Requester", "Priya Customer"),
            ("First response due", "2026-03-02 05:30 UTC"),
            ("Resolution due", "2026-03-02 12:30 UTC"),
            ("Escalation", "not escalated"),
        ]);
        card.Buttons.Select(b => (b.ActionId, b.Value)).Should().Equal(("ticket.escalate", "42"), ("ticket.promote", "42"));
    }

    [Fact]
    public async Task IncidentLinkTicket_LinksTheTicketToAnExistingIncident()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());
        await _scenario.Host.Desk.ReportAsync(Actor.Person("ana", "Ana"), new IncidentReport("Payments down", "sev1"));

        var reply = await _scenario.CommandAsync("ana", "/incident", "link INC-1 ticket 42");

        reply.Text.Should().Be("Ticket #42 linked to INC-1; its resolution will be written back to the ticket.");
        (await _scenario.TicketAsync(42))!.LinkedIncidents.Should().Equal(1);
    }

    [Fact]
    public async Task TicketCommands_WhenFreshdeskIsOff_SayWhatIsMissing()
    {
        await using var off = new FreshdeskScenario(freshdeskOn: false);

        var reply = await off.CommandAsync("ana", "/ticket", "show 42");

        reply.Text.Should().StartWith("Freshdesk is not connected to this bot");
    }
}
