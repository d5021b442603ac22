using System.Globalization;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.OnCall;
using Jivrus.IncidentBot.Workflow.OnCall;

namespace Jivrus.IncidentBot.Bot.Conversations;

// /oncall: who is on call, and overrides. The times people type are read in the rotation's own time zone.
public sealed partial class CommandRoutes
{
    private void RouteOnCall()
    {
        Route<OnCallCommand>(OnCallNowAsync);
        Route<OnCallOverridesCommand>(async (_, _, ct) => TurnReply.Say(await _desk.OnCallOverridesAsync(ct)));
        Route<OnCallCancelCommand>(async (c, x, ct) => Reply(await _desk.CancelOnCallOverrideAsync(c.Who, x.OverrideId, ct)));
        Route<OnCallOverrideCommand>(OverrideAsync);
    }

    // `/oncall <rotation>` also hands out the rotation's calendar feed, at a signed link.
    private async Task<TurnReply> OnCallNowAsync(TurnContext context, OnCallCommand command, CancellationToken ct)
    {
        var now = await _desk.OnCallNowAsync(command.Rotation, ct);
        if (command.Rotation is null || _desk.Plan.FindRotation(command.Rotation) is not { } rotation)
            return TurnReply.Say(now);
        var link = await _links.CreateAsync(OnCallFeedEndpoints.PathOf(rotation.Id), ct);
        var zone = _desk.Plan.TimeZone;
        var until = TimeZoneInfo.ConvertTime(link.ExpiresAt, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        return TurnReply.Say(
            $"{now}\nCalendar of {rotation.Name} (iCal, the next {OnCallCalendar.Days} days, overrides included): {link.Url.AbsoluteUri}\n"
            + $"Subscribe to it in your calendar; the link works until {until} ({zone.Id}).");
    }

    private async Task<TurnReply> OverrideAsync(TurnContext context, OnCallOverrideCommand command, CancellationToken ct)
    {
        if (_identities.Find(command.Person) is not { } person)
            return TurnReply.Say($"{command.Person.Raw} is not in the response plan, so they cannot be on call. You can name {_identities.Assignable()}.");
        var until = command.For is { } span
            ? _desk.Now.Add(span)
            : _desk.OnCallInstant(command.Rotation, command.UntilLocal!.Value);
        return Reply(await _desk.OverrideOnCallAsync(context.Who, command.Rotation, person.Id, until, ct));
    }
}
