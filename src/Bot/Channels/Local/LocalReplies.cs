using Jivrus.IncidentBot.Bot.Conversations;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>Turns a <see cref="TurnReply"/> into what the page reads.</summary>
internal static class LocalReplies
{
    public static LocalReply From(TurnReply reply) => new(
        reply.Text,
        reply.CardToShow is { } card ? LocalCard.From(card) : null,
        reply.Form is null ? null : new LocalForm(reply.Form.Kind.ToString().ToLowerInvariant(), reply.Form.IncidentNumber, reply.Form.Severity, reply.Form.TicketId, reply.Form.Draft));

    public static LocalFormReply From(FormResult result) => new(result.Errors, result.Reply is null ? null : From(result.Reply));
}
