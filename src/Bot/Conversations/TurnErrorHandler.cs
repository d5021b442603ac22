using System.Data.Common;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Freshdesk;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// The one place a failed turn ends. The person learns what did and did not happen ("INC-4 was NOT acknowledged:
/// the incident database is unreachable; try again in a minute."), with a reference; the log gets the exception and
/// the same reference. Exception messages are never shown: they may carry secrets or internals.
/// </summary>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> log)
{
    public TurnReply Handle(Exception exception, InboundMessage message) => Handle(exception, message, TurnIntent.Unknown);

    public TurnReply Handle(Exception exception, InboundMessage message, TurnIntent intent)
    {
        var reference = Guid.NewGuid().ToString("N")[..8];
        log.LogError(exception, "Turn failed (ref {Reference}) for {Channel} user {User}: {Kind}",
            reference, message.Channel, message.UserId, exception.GetType().Name);
        return TurnReply.Say(Sentence(exception, intent, reference));
    }

    /// <summary>What the person reads: what was not done (or may have been), why, and what to do now.</summary>
    public static string Sentence(Exception exception, TurnIntent intent, string reference)
    {
        if (exception is OutcomeUnknownException)
        {
            return $"{intent.Subject} may or may not have been {intent.Done}: the incident database stopped answering while saving it. "
                + $"Check with {intent.Check} before trying again. (ref {reference})";
        }

        if (Cause(exception) is { } known)
            return $"{intent.Subject} was NOT {intent.Done}: {known}. (ref {reference})";

        // Nothing says where it failed, so a change may have been saved before it.
        return intent.Changes
            ? $"{intent.Subject} may or may not have been {intent.Done}: something unexpected went wrong. Check with {intent.Check} before trying again. (ref {reference})"
            : $"{intent.Subject} was NOT {intent.Done}: something unexpected went wrong; try again, and give an admin the reference if it keeps failing. (ref {reference})";
    }

    // Each of these fails before the change is committed (the transaction is rolled back), so "NOT" is certain.
    private static string? Cause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbException or DbUpdateException or RetryLimitExceededException:
                    return "the incident database is unreachable; try again in a minute";
                case TimeoutException:
                    return "the bot got no answer in time; try again in a minute";
                case FreshdeskException { Transient: true }:
                    return "Freshdesk is not answering; try again in a minute";
                case FreshdeskException:
                    return "Freshdesk refused the bot's request; ask an admin to check the Freshdesk connection";
                case SlackApiException:
                    return "Slack did not accept the bot's request; try again in a minute";
                case ConnectorException:
                    return "Microsoft Teams did not accept the bot's request; try again in a minute";
                case HttpRequestException:
                    return "a service the bot relies on is not answering; try again in a minute";
            }
        }

        return null;
    }
}
