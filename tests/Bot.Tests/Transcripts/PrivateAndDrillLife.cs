namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// The second scripted life, on the same plan and day: a private critical incident from report to closed RCA, with
/// someone outside it asking after it until the ladder reaches him, then a drill that climbs the ladder, is worked like a real one and shows up in
/// the summary on its own. Everyone acts from their direct messages with the bot, as a private incident asks.
/// </summary>
internal static class PrivateAndDrillLife
{
    private const string Chen = "chen";
    private const string Dana = "dana";
    private const string Eve = "eve";

    public static async Task RunAsync(TranscriptChannel chat)
    {
        await PrivateIncidentAsync(chat);
        await DrillAsync(chat);
    }

    private static async Task PrivateIncidentAsync(TranscriptChannel chat)
    {
        await chat.SayAsync("10:00:00", "Eve reports a data leak as a private critical incident", Eve,
            "/incident report Customer export readable without login sev1 private impact: Invoices of every customer can be downloaded", Where.DirectTo(Eve));

        await chat.SayAsync("10:00:10", "Chen (not paged yet, not a manager) asks to see INC-1: it does not exist for him", Chen,
            "/incident show INC-1", Where.DirectTo(Chen));

        await chat.SayAsync("10:00:15", "Chen asks for its timeline: the same answer", Chen, "/incident timeline INC-1", Where.DirectTo(Chen));

        await chat.SayAsync("10:00:20", "Chen lists the open incidents: INC-1 is not counted", Chen, "/incident list", Where.DirectTo(Chen));

        // Nobody on level 1 answers: the reminder at 30s, then the ladder climbs to Chen, who joins the incident.
        await chat.PressAsync("10:01:10", "Chen acknowledges from the page in his direct messages", Chen,
            "incident.acknowledge", "INC-1", Where.DirectTo(Chen));

        await chat.SayAsync("10:01:20", "Chen posts an update", Chen,
            "/incident update INC-1 Export bucket locked; revoking the signed links next 2m", Where.DirectTo(Chen));

        await chat.SayAsync("10:01:30", "Dana (manager) lists the open incidents: she sees INC-1", Dana, "/incident list", Where.DirectTo(Dana));

        await chat.SayAsync("10:02:00", "Chen resolves INC-1", Chen,
            "/incident resolve INC-1 Every export link revoked and the bucket locked", Where.DirectTo(Chen));

        await chat.PressAsync("10:02:20", "Chen presses Close on the card in his direct messages: INC-1 needs its RCA", Chen,
            "incident.close", "INC-1", Where.DirectTo(Chen));

        await chat.SubmitRcaAsync("10:02:40", "Chen submits the RCA form", Chen,
            "The export bucket was created without its access policy", "Check bucket policies in the deploy pipeline owner @chen due 2025-03-14");
    }

    private static async Task DrillAsync(TranscriptChannel chat)
    {
        await chat.SayAsync("10:10:00", "Dana starts a drill", Dana, "/incident drill Primary database failover sev2", Where.DirectTo(Dana));

        // Nobody answers level 1: the reminder at half the 2m window, then the ladder climbs to Chen.
        await chat.PressAsync("10:12:30", "Chen acknowledges the drill from the page in his direct messages", Chen,
            "incident.acknowledge", "INC-2", Where.DirectTo(Chen));

        await chat.SayAsync("10:13:00", "Chen posts an update", Chen, "/incident update INC-2 Replica promoted; checking writes", Where.DirectTo(Chen));

        await chat.SayAsync("10:13:10", "Dana lists the open incidents: the drill is not among them", Dana, "/incident list", Where.DirectTo(Dana));

        await chat.SayAsync("10:13:20", "Dana lists the drills", Dana, "/incident list drills", Where.DirectTo(Dana));

        await chat.SayAsync("10:13:30", "Chen resolves the drill", Chen,
            "/incident resolve INC-2 Failover took 40s; runbook updated", Where.DirectTo(Chen));

        await chat.SayAsync("10:14:00", "Chen closes the drill", Chen, "/incident close INC-2", Where.DirectTo(Chen));

        await chat.SayAsync("10:14:30", "Dana asks for the summary: the private incident without its title, the drill on its own", Dana,
            "/incident summary", Where.DirectTo(Dana));
    }
}
