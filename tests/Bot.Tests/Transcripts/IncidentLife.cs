using Jivrus.IncidentBot.Bot.Tests.Freshdesk;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// The scripted life the transcripts record, the same in every channel: a critical incident from report to
/// closed RCA, then a Freshdesk ticket that breaches, is promoted to an incident, and is answered.
/// Times are the plan's wall clock; timers that fall due between steps fire on their own and get their own header.
/// </summary>
internal static class IncidentLife
{
    private const string Ana = "ana";
    private const string Ben = "ben";
    private const string Chen = "chen";
    private const string Dana = "dana";
    private const string Eve = "eve";

    public static async Task RunAsync(TranscriptChannel chat)
    {
        await CriticalIncidentAsync(chat);
        await TicketAsync(chat);
        await WaivedRcaAsync(chat);
        await TriageAsync(chat);
        await ListsAsync(chat);
    }

    private static async Task CriticalIncidentAsync(TranscriptChannel chat)
    {
        await chat.SayAsync("10:00:00", "Eve (an employee, no role) reports a critical incident with its impact", Eve,
            "/incident report Checkout down sev1 impact: Card payments fail for every customer", Where.Announce);

        // Nobody answers: the acknowledge reminder at half the 60s window, then the ladder climbs to Chen.
        await chat.PressAsync("10:01:10", "Chen acknowledges from the page in his direct messages", Chen,
            "incident.acknowledge", "INC-1", Where.DirectTo(Chen));

        await chat.SayAsync("10:01:30", "Chen posts an update and promises the next one within a minute", Chen,
            "/incident update INC-1 Rolled back release 2.4.1; watching error rates next 1m", Where.Announce);

        // The promise passes (update nudge), then the 8-minute resolve target warns at 75 % and is breached.
        await chat.SayAsync("10:08:40", "Chen resolves the incident", Chen,
            "/incident resolve INC-1 Rolled back release 2.4.1; error rates are back to normal", Where.Announce);

        await chat.PressAsync("10:09:00", "Chen presses Close on the card in #incidents: a critical incident needs its RCA", Chen,
            "incident.close", "INC-1", Where.Announce);

        await chat.PressAsync("10:09:30", "Chen presses Submit RCA on the card in #incidents", Chen,
            "incident.rca", "INC-1", Where.Announce);

        await chat.SubmitRcaAsync("10:10:00", "Chen submits the RCA form", Chen,
            "Release 2.4.1 shipped a payment client with an expired certificate", "Check certificate expiry in the release pipeline owner @chen due 2025-03-14");

        await chat.WaitUntilAsync("10:20:00");
    }

    private static async Task TicketAsync(TranscriptChannel chat)
    {
        var ticket = new FakeTicket(42, TranscriptChannel.At("10:20:00"), Status: TicketCodes.Open, Priority: 4)
        {
            Subject = "Checkout fails with error 500",
            Description = "Customers cannot pay since 10:15.",
            FrDueBy = TranscriptChannel.At("10:22:00"),
            DueBy = TranscriptChannel.At("10:50:00"),
        };
        await chat.TicketChangedAsync("10:20:00", "Freshdesk: an urgent ticket #42 arrives (first response due 10:22, resolution 10:50)", ticket);

        // The first-response reminder goes to #support, then the breach pages the first level.
        await chat.PressAsync("10:22:20", "Ana presses Promote to incident on the ticket in #support", Ana,
            "ticket.promote", "42", Where.Support);

        await chat.SayAsync("10:22:40", "Ana acknowledges INC-2", Ana, "/incident ack INC-2", Where.Announce);

        await chat.SayAsync("10:23:00", "Ana resolves INC-2", Ana, "/incident resolve INC-2 Restarted the payment gateway", Where.Announce);

        await chat.PressAsync("10:23:20", "Ana presses Send reply to customer on the offer in #support", Ana,
            "ticket.reply", "42:INC-2", Where.Support);

        await chat.SubmitTicketReplyAsync("10:23:30", "Ana edits the customer draft and sends it", Ana,
            "We are sorry for the trouble; please retry any payment that failed.");

        await chat.TicketChangedAsync("10:23:40", "Freshdesk: ticket #42 is resolved", ticket with { Status = TicketCodes.Resolved, FirstRespondedAt = TranscriptChannel.At("10:23:20") });

        await chat.SayAsync("10:24:00", "Ana closes INC-2", Ana, "/incident close INC-2", Where.Announce);

        await chat.WaitUntilAsync("10:30:00");
    }

    /// <summary>
    /// A sev1 named by a word ("down"), the refusal of someone with no role, a commander by assignment, and an RCA
    /// that a manager waives: the button tells only how, the command with its reason closes the incident.
    /// </summary>
    private static async Task WaivedRcaAsync(TranscriptChannel chat)
    {
        await chat.SayAsync("10:30:00", "Eve reports an outage without a sevN: the word \"down\" makes it critical", Eve,
            "/incident report Payments API down for EU customers impact: EU card payments time out", Where.Announce);

        await chat.PressAsync("10:30:10", "Eve (no role) presses Acknowledge on the card in #incidents", Eve,
            "incident.acknowledge", "INC-3", Where.Announce);

        await chat.SayAsync("10:30:20", "Ana makes Chen the commander (his level has not been paged)", Ana,
            "/incident assign INC-3 @chen", Where.Announce);

        await chat.SayAsync("10:30:40", "Chen, as commander, posts an update", Chen,
            "/incident update INC-3 Failed over EU traffic to the standby payment provider next 2m", Where.Announce);

        await chat.SayAsync("10:31:20", "Chen resolves INC-3", Chen,
            "/incident resolve INC-3 EU traffic runs on the standby provider; timeouts stopped", Where.Announce);

        await chat.PressAsync("10:31:30", "Chen presses Close: INC-3 is critical and waits for its RCA", Chen,
            "incident.close", "INC-3", Where.Announce);

        await chat.PressAsync("10:31:40", "Ana (not a manager) presses Waive RCA", Ana,
            "incident.waive", "INC-3", Where.Announce);

        await chat.PressAsync("10:31:50", "Dana (manager) presses Waive RCA", Dana,
            "incident.waive", "INC-3", Where.Announce);

        await chat.SayAsync("10:32:00", "Dana waives the RCA with a reason", Dana,
            "/incident rca waive INC-3 The provider's own post-incident report covers the cause", Where.Announce);
    }

    /// <summary>A report with no severity word needs triage: it runs the most urgent clock until Ana picks sev3 on its card.</summary>
    private static async Task TriageAsync(TranscriptChannel chat)
    {
        await chat.SayAsync("10:33:00", "Ben reports a problem with no severity word: it needs triage", Ben,
            "/incident report Search results look odd", Where.Announce);

        await chat.PressAsync("10:33:20", "Ana presses sev3 · Medium on the triage card in #incidents", Ana,
            "incident.severity", "INC-4 sev3", Where.Announce);

        await chat.WaitUntilAsync("10:40:00");
    }

    /// <summary>What a manager asks for at the end: the open list, the closed list and the summary.</summary>
    private static async Task ListsAsync(TranscriptChannel chat)
    {
        await chat.SayAsync("10:40:00", "Dana lists the open incidents", Dana, "/incident list", Where.Announce);

        await chat.SayAsync("10:40:10", "Dana lists the closed incidents", Dana, "/incident list closed", Where.Announce);

        await chat.SayAsync("10:40:20", "Dana asks for the summary", Dana, "/incident summary", Where.Announce);
    }
}
