using System.Globalization;
using System.Text;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Conversations;

public sealed partial class CommandRoutes
{
    /// <summary>How many incidents one list answer shows; the header always says how many there are.</summary>
    internal const int ListLimit = 50;

    private async Task<TurnReply> ListAsync(TurnContext context, ListCommand command, CancellationToken ct)
    {
        var filter = command.Filter switch
        {
            ListFilter.Mine => IncidentFilter.Mine,
            ListFilter.Closed => IncidentFilter.Closed,
            ListFilter.Drills => IncidentFilter.Drills,
            _ => command.Severity is null ? IncidentFilter.Open : IncidentFilter.Severity,
        };
        var list = await _desk.ListAsync(filter, context.Who, command.Severity, ListLimit, ct);
        var text = new StringBuilder(Header(command, list));
        foreach (var i in list.Shown)
            text.Append('\n').Append(DrillMarker.Mark(Line(i), i));
        return TurnReply.Say(text.ToString());
    }

    private static string Line(IncidentView i)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{i.Id} · {i.SeverityLabel} · {Incident.StateWord(i.State)} · {i.Title} · owner {i.OwnerName ?? "nobody"}");
        return i.IsPrivate ? line + " · private" : line;
    }

    // "120 open incidents; the 50 most urgent are shown:" — the count is the truth, the page says it is a page.
    private static string Header(ListCommand command, IncidentList list)
    {
        var closed = command.Filter == ListFilter.Closed;
        var what = closed ? "closed or cancelled" : command.Severity is { } sev ? $"open {sev}" : "open";
        var mine = command.Filter == ListFilter.Mine;
        var noun = command.Filter == ListFilter.Drills ? "drill" : "incident";
        if (list.Total == 0)
            return mine ? $"You have no {what} incidents." : closed ? "No closed or cancelled incidents yet." : $"No {what} {noun}s.";
        var count = string.Create(CultureInfo.InvariantCulture, $"{list.Total:N0} {what} {noun}{(list.Total == 1 ? "" : "s")}");
        var head = mine ? $"You have {count}" : count;
        if (list.Shown.Count < list.Total)
            return string.Create(CultureInfo.InvariantCulture, $"{head}; the {list.Shown.Count} {(closed ? "most recently finished" : "most urgent")} are shown:");
        return closed ? $"{head}, most recent first:" : $"{head}:";
    }
}
