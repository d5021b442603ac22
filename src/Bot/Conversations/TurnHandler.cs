using System.Diagnostics;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Observability;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;

namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// One turn for every channel: resolve who is speaking, parse the command (or map the button), fill a
/// missing incident id from the conversation, and run the route for the command. Failures end in
/// <see cref="TurnErrorHandler"/>.
/// </summary>
public sealed partial class TurnHandler(
    IdentityMap identities,
    CommandRoutes routes,
    ChannelLedger ledger,
    TurnErrorHandler errors,
    ILogger<TurnHandler> log)
{
    public async Task<TurnReply> HandleAsync(InboundMessage message, CancellationToken ct = default)
    {
        var intent = TurnIntent.Unknown;
        using var span = Telemetry.Source.StartActivity(Telemetry.Turn);
        span?.SetTag("incidentbot.channel", message.Channel.ToString().ToLowerInvariant());
        try
        {
            var parsed = message.Action is { } action
                ? ButtonCommands.From(action)
                : message.Command is null
                    ? CommandParser.ParseLine(message.Text)
                    : CommandParser.Parse(message.Command, message.Text);
            if (!parsed.Ok)
                return TurnReply.Say(parsed.Error!);
            span?.SetTag("incidentbot.command", Telemetry.CommandName(parsed.Command!));

            intent = TurnIntent.Of(parsed.Command!);
            var who = await identities.ResolveAsync(message.Channel, message.UserId, message.UserName, ct);
            // The conversation's incident costs a database read; only a command that leaves its id out needs it.
            var context = new TurnContext(who, message, () => IncidentOfConversationAsync(message, ct));
            log.LogDebug("{Channel} turn by {Actor}: {Command}", message.Channel, who.Id, parsed.Command!.GetType().Name);
            return await routes.RunAsync(context, parsed.Command!, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return errors.Handle(ex, message, intent);
        }
    }

    private async Task<int?> IncidentOfConversationAsync(InboundMessage message, CancellationToken ct)
    {
        var channel = message.Channel.ToString().ToLowerInvariant();
        if (message.ThreadId is { } thread && await ledger.IncidentOfConversationAsync(channel, $"{message.ConversationId}/{thread}", ct) is { } inThread)
            return inThread;
        return await ledger.IncidentOfConversationAsync(channel, message.ConversationId, ct);
    }
}

/// <summary>Who is speaking, what they sent, and the incident whose conversation it is (if any, looked up once when first asked).</summary>
public sealed class TurnContext(Actor who, InboundMessage message, Func<Task<int?>> conversationIncident)
{
    private Task<int?>? _conversationIncident;

    public Actor Who { get; } = who;

    public InboundMessage Message { get; } = message;

    /// <summary>The id the command named, else the conversation's incident.</summary>
    public async ValueTask<int?> IncidentAsync(int? named) =>
        named ?? await (_conversationIncident ??= conversationIncident());
}
