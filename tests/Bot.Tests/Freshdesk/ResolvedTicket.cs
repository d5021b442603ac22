using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary>Ticket #42 (Priya's "Checkout fails with error 500") promoted to INC-1, which Ana acknowledged and resolved.</summary>
internal static class ResolvedTicket
{
    public const string DraftByAna = """
        Hello Priya,

        Thank you for your patience. The problem you reported, "Checkout fails with error 500", has been fixed, and everything should work normally again.

        If you still see it, reply to this message and we will look into it straight away.

        Kind regards,
        Ana
        """;

    public static async Task SetUpAsync(IServiceProvider services)
    {
        var ana = Actor.Person("ana", "Ana");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<TicketDesk>().ObserveAsync(
            new TicketSnapshot(42, "Checkout fails with error 500", "Customers cannot pay.", TicketCodes.Open, 4, "Priya Customer", now, now.AddHours(1), now.AddHours(8)));
        var desk = services.GetRequiredService<Desk>();
        await desk.PromoteTicketAsync(ana, 42, "sev2");
        await desk.AcknowledgeAsync(ana, 1);
        await desk.ResolveAsync(ana, 1, "Rolled back release 4.2 on pay-gw-03");
    }
}
