using System.Net;
using System.Text;
using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

public sealed class FreshdeskWebhookTests : IAsyncLifetime
{
    private FreshdeskScenario _scenario = null!;

    public Task InitializeAsync()
    {
        _scenario = new FreshdeskScenario();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Webhook_WithoutSecret_IsRefusedAndStoresNothing()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());

        var status = await _scenario.WebhookAsync("""{"ticket_id": 42}""", secret: null);

        status.Should().Be(HttpStatusCode.Unauthorized);
        _scenario.Freshdesk.Requests.Should().BeEmpty();
        (await _scenario.TicketAsync(42)).Should().BeNull();
    }

    [Fact]
    public async Task Webhook_WithWrongSecret_IsRefusedAndStoresNothing()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());

        var status = await _scenario.WebhookAsync("""{"ticket_id": 42}""", secret: "hook-secret-124");

        status.Should().Be(HttpStatusCode.Unauthorized);
        _scenario.Freshdesk.Requests.Should().BeEmpty();
        (await _scenario.TicketAsync(42)).Should().BeNull();
    }

    [Fact]
    public async Task Webhook_ForATicketFreshdeskDoesNotHave_AnswersOkAndStoresNothing()
    {
        var status = await _scenario.WebhookAsync("""{"ticket_id": 99}""");

        status.Should().Be(HttpStatusCode.OK);
        _scenario.Freshdesk.Requests.Should().ContainSingle(r => r.Path == "/api/v2/tickets/99" && r.Status == 404);
        (await _scenario.TicketAsync(99)).Should().BeNull();
    }

    [Fact]
    public async Task Webhook_WithTheTicketIdAsAString_RefetchesTheTicketWithBasicAuth()
    {
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());

        var status = await _scenario.WebhookAsync("""{"ticket_id": "42", "subject": "not trusted"}""");

        status.Should().Be(HttpStatusCode.OK);
        var ticket = await _scenario.TicketAsync(42);
        ticket!.Subject.Should().Be("Checkout fails with error 500");
        ticket.Requester.Should().Be("Priya Customer");
        ticket.RespondBy.Should().Be(FreshdeskScenario.Monday.AddHours(1));
        _scenario.Freshdesk.Requests.Should().ContainSingle().Which.Authorization
            .Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeFreshdesk.ApiKey}:X")));
    }

    [Fact]
    public async Task Webhook_DeliveredTwice_WatchesTheTicketOnce()
    {
        var ticket = _scenario.Urgent();
        await _scenario.TicketChangedAsync(ticket);

        var again = await _scenario.TicketChangedAsync(ticket);

        again.Should().Be(HttpStatusCode.OK);
        (await _scenario.Tickets.TimelineAsync(42)).Should().ContainSingle();
        (await _scenario.Host.Desk.TimersOfAsync(TimerSubject.Ticket, 42)).Should().HaveCount(4);
    }

    [Fact]
    public async Task Webhook_WithoutATicketId_IsABadRequest()
    {
        var status = await _scenario.WebhookAsync("""{"ticket": 42}""");

        status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Webhook_WhenFreshdeskIsOff_AnswersServiceUnavailable()
    {
        await using var off = new FreshdeskScenario(freshdeskOn: false);

        var status = await off.WebhookAsync("""{"ticket_id": 42}""");

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
