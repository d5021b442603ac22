using System.Globalization;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.FollowUp;
using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Bot.Conversations;

public sealed partial class CommandRoutes
{
    private async Task<TurnReply> PostmortemAsync(TurnContext context, PostmortemCommand command, CancellationToken ct)
    {
        if (await context.IncidentAsync(command.IncidentNumber) is not { } number)
            return TurnReply.Say("Which incident? Name it, e.g. /incident postmortem INC-7 (the id may be left out only in an incident's own channel).");
        // The desk answers null also for an incident the asker may not see, so both read "no such incident".
        if (await _desk.PostmortemAsync(context.Who, number, ct) is not { } postmortem)
            return TurnReply.Say(DeskResult.NotFound(number).Message);
        var link = await _links.CreateAsync(PostmortemEndpoints.PathOf(number), ct);
        var zone = _desk.Plan.TimeZone;
        var until = TimeZoneInfo.ConvertTime(link.ExpiresAt, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        return TurnReply.Say(
            $"Post-mortem of {postmortem.Id} · {postmortem.Title} (Markdown): {link.Url.AbsoluteUri}\n"
            + $"The link works until {until} ({zone.Id}) for anyone who has it; share it only with people who may read it.");
    }
}
