namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// The one place a failed turn ends: the person gets a sentence with a reference, the log gets the
/// exception type and reference. Exception messages are not shown, since they may carry secrets or internals.
/// </summary>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> log)
{
    public TurnReply Handle(Exception exception, InboundMessage message)
    {
        var reference = Guid.NewGuid().ToString("N")[..8];
        log.LogError(exception, "Turn failed (ref {Reference}) for {Channel} user {User}: {Kind}",
            reference, message.Channel, message.UserId, exception.GetType().Name);
        return TurnReply.Say($"Sorry, something went wrong while handling that (ref {reference}). It has been logged; please try again.");
    }
}
