using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Freshdesk;
using Jivrus.IncidentBot.Bot.Links;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>The route table: one entry per command type, each a call into the <see cref="Desk"/>.</summary>
public sealed partial class CommandRoutes
{
    private readonly Dictionary<Type, Func<TurnContext, IncidentCommand, CancellationToken, Task<TurnReply>>> _routes = [];
    private readonly Desk _desk;
    private readonly IdentityMap _identities;
    private readonly SummaryReporter _reporter;
    private readonly TicketDesk _ticketDesk;
    private readonly TicketSource _tickets;
    private readonly SignedLinks _links;

    public CommandRoutes(Desk desk, IdentityMap identities, SummaryReporter reporter, TicketDesk ticketDesk, TicketSource tickets, SignedLinks links)
    {
        _links = links;
        _desk = desk;
        _ticketDesk = ticketDesk;
        _tickets = tickets;
        _identities = identities;
        _reporter = reporter;
        Route<ReportCommand>(ReportAsync);
        Route<AcknowledgeCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "ack", n => _desk.AcknowledgeAsync(c.Who, n, ct)));
        Route<UpdateCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "update", n => _desk.UpdateAsync(c.Who, n, x.Text, x.Next, x.Eta, ct)));
        Route<SeverityCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "sev", n => _desk.ChangeSeverityAsync(c.Who, n, x.Severity, ct)));
        Route<AssignCommand>(AssignAsync);
        Route<MitigateCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "mitigate", n => _desk.MitigateAsync(c.Who, n, x.Note, ct)));
        Route<EscalateCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "escalate", n => _desk.EscalateAsync(c.Who, n, x.Reason, ct)));
        Route<ResolveCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "resolve", n => _desk.ResolveAsync(c.Who, n, x.Resolution, ct)));
        Route<CloseCommand>(CloseAsync);
        Route<RcaCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "rca", n => _desk.SubmitRcaAsync(c.Who, n, x.RootCause, PlanMentions(x.Actions), ct)));
        Route<RcaWaiveCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "rca waive", n => _desk.WaiveRcaAsync(c.Who, n, x.Reason, ct)));
        Route<WaivePromptCommand>(WaivePromptAsync);
        Route<RcaFormCommand>((c, x, _) => Task.FromResult(new TurnReply($"Submit the RCA of {IncidentId.Format(x.IncidentNumber)}.", Form: new FormRequest(FormKind.Rca, x.IncidentNumber))));
        Route<SnoozeCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "update", n => _desk.SnoozeUpdatesAsync(c.Who, n, x.Delay, ct)));
        Route<UpdatePromptCommand>((_, x, _) => Task.FromResult(TurnReply.Say(
            $"Post the update with /incident update {IncidentId.Format(x.IncidentNumber)} <what changed> [next <duration>] [eta <duration|HH:mm>].")));
        Route<CancelCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "cancel", n => _desk.CancelAsync(c.Who, n, x.Reason, ct)));
        Route<ReopenCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "reopen", n => _desk.ReopenAsync(c.Who, n, ct)));
        Route<ShowCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, "show", n => _desk.ShowAsync(n, c.Who, ct), change: false));
        Route<VisibilityCommand>((c, x, ct) => OnIncident(c, x.IncidentNumber, x.Private ? "private" : "public", n => _desk.SetPrivateAsync(c.Who, n, x.Private, ct)));
        Route<TimelineCommand>(TimelineAsync);
        Route<PostmortemCommand>(PostmortemAsync);
        Route<ListCommand>(ListAsync);
        RouteOnCall();
        Route<HelpCommand>((_, x, _) => Task.FromResult(TurnReply.Say(x.Topic is null ? HelpText.All : HelpText.For(x.Topic))));
        RouteLater();
    }

    public Task<TurnReply> RunAsync(TurnContext context, IncidentCommand command, CancellationToken ct) =>
        _routes.TryGetValue(command.GetType(), out var route)
            ? route(context, command, ct)
            : Task.FromResult(TurnReply.Say($"That command is not available here. {HelpText.All}"));

    private void Route<TCommand>(Func<TurnContext, TCommand, CancellationToken, Task<TurnReply>> handler)
        where TCommand : IncidentCommand =>
        _routes[typeof(TCommand)] = (context, command, ct) => handler(context, (TCommand)command, ct);

    // change: false for a command that only looks (show), whose card is the answer itself.
    private static async Task<TurnReply> OnIncident(
        TurnContext context, int? named, string subCommand, Func<int, Task<DeskResult>> call, bool change = true)
    {
        if (await context.IncidentAsync(named) is not { } number)
            return TurnReply.Say($"Which incident? Name it, e.g. /incident {subCommand} INC-7 (the id may be left out only in an incident's own channel).");
        return Reply(await call(number), change);
    }

    private static TurnReply Reply(DeskResult result, bool change = true) =>
        result.Incident is { } view && result.Status is DeskStatus.Done or DeskStatus.Unchanged
            ? TurnReply.About(result.Message, view, change)
            : TurnReply.Say(result.Message);
}
