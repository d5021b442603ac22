using Jivrus.IncidentBot.Bot.Commands;

namespace Jivrus.IncidentBot.Bot.Conversations;

// /oncall: who is on call, and overrides. The times people type are read in the rotation's own time zone.
public sealed partial class CommandRoutes
{
    private void RouteOnCall()
    {
        Route<OnCallCommand>(async (_, x, ct) => TurnReply.Say(await _desk.OnCallNowAsync(x.Rotation, ct)));
        Route<OnCallOverridesCommand>(async (_, _, ct) => TurnReply.Say(await _desk.OnCallOverridesAsync(ct)));
        Route<OnCallCancelCommand>(async (c, x, ct) => Reply(await _desk.CancelOnCallOverrideAsync(c.Who, x.OverrideId, ct)));
        Route<OnCallOverrideCommand>(OverrideAsync);
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
