using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Plan;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>
/// The local page's API: who may speak, typed lines and pressed buttons through the one turn handler, and the
/// bot's posts as history and as a live server-sent event stream.
/// </summary>
public static class LocalEndpoints
{
    /// <summary>Longest guest name or conversation label accepted.</summary>
    public const int MaxNameLength = 80;

    public static IEndpointRouteBuilder MapLocalEndpoints(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("/local").AddEndpointFilter<LoopbackOnlyFilter>();
        local.MapGet("/people", People);
        local.MapPost("/messages", MessageAsync);
        local.MapPost("/actions", ActionAsync);
        local.MapPost("/forms/" + Forms.ReportId, ReportAsync);
        local.MapPost("/forms/" + Forms.RcaId, RcaAsync);
        local.MapPost("/forms/" + Forms.TicketReplyId, TicketReplyAsync);
        local.MapGet("/posts", Posts);
        local.MapGet("/stream", Stream);
        return app;
    }

    private static Ok<LocalPerson[]> People(ResponsePlan plan) =>
        TypedResults.Ok(plan.People.Select(p => new LocalPerson(p.Id, p.Name, p.Roles)).ToArray());

    private static async Task<Results<Ok<LocalReply>, ValidationProblem>> MessageAsync(LocalMessageRequest request, TurnHandler turns, ResponsePlan plan, CancellationToken ct)
    {
        var errors = Check(request.User, request.Conversation);
        if (request.Text is { Length: > CommandParser.MaxLength })
            errors["text"] = [$"A command is at most {CommandParser.MaxLength} characters."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        // Command null: the whole line is parsed, so "/incident ack 7", "incident ack 7" and "ack 7" all work.
        var reply = await turns.HandleAsync(Inbound(request.User!, request.Conversation, request.Text ?? "", action: null), ct);
        return TypedResults.Ok(LocalReplies.From(reply, plan));
    }

    private static async Task<Results<Ok<LocalReply>, ValidationProblem>> ActionAsync(LocalActionRequest request, TurnHandler turns, ResponsePlan plan, CancellationToken ct)
    {
        var errors = Check(request.User, request.Conversation);
        if (string.IsNullOrWhiteSpace(request.ActionId))
            errors["actionId"] = ["Which button? actionId is missing."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var action = new InboundAction(request.ActionId!, request.Value ?? "");
        var reply = await turns.HandleAsync(Inbound(request.User!, request.Conversation, "", action), ct);
        return TypedResults.Ok(LocalReplies.From(reply, plan));
    }

    // The forms go through the same entry points as a Slack modal or a Teams card; a refusal names the field it is about.
    private static async Task<Results<Ok<LocalFormReply>, ValidationProblem>> ReportAsync(LocalFormRequest request, TurnHandler turns, ResponsePlan plan, CancellationToken ct)
    {
        var errors = Check(request.User, request.Conversation);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var result = await turns.SubmitReportAsync(Inbound(request), Forms.ReadReport(key => ValueOf(request, key)), ct);
        return TypedResults.Ok(LocalReplies.From(result, plan));
    }

    private static async Task<Results<Ok<LocalFormReply>, ValidationProblem>> RcaAsync(LocalFormRequest request, TurnHandler turns, ResponsePlan plan, CancellationToken ct)
    {
        var errors = Check(request.User, request.Conversation);
        if (request.IncidentNumber is null)
            errors["incidentNumber"] = [ChannelReplies.RcaFormWithoutIncident];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var form = Forms.ReadRca(request.IncidentNumber!.Value, key => ValueOf(request, key));
        return TypedResults.Ok(LocalReplies.From(await turns.SubmitRcaAsync(Inbound(request), form, ct), plan));
    }

    private static async Task<Results<Ok<LocalFormReply>, ValidationProblem>> TicketReplyAsync(LocalFormRequest request, TurnHandler turns, ResponsePlan plan, CancellationToken ct)
    {
        var errors = Check(request.User, request.Conversation);
        if (request.TicketId is null || request.IncidentNumber is null)
            errors["ticketId"] = [ChannelReplies.TicketReplyFormWithoutTicket];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var form = Forms.ReadTicketReply(request.TicketId!.Value, request.IncidentNumber!.Value, key => ValueOf(request, key));
        return TypedResults.Ok(LocalReplies.From(await turns.SubmitTicketReplyAsync(Inbound(request), form, ct), plan));
    }

    private static string? ValueOf(LocalFormRequest request, string key) =>
        request.Values is not null && request.Values.TryGetValue(key, out var value) ? value : null;

    private static InboundMessage Inbound(LocalFormRequest request) => Inbound(request.User!, request.Conversation, "", action: null);

    private static Ok<IReadOnlyList<LocalPost>> Posts(LocalFeed feed, long? after) =>
        TypedResults.Ok(feed.After(after ?? 0));

    private static ServerSentEventsResult<object> Stream(HttpContext http, LocalFeed feed, IHostApplicationLifetime lifetime, long? after)
    {
        // A reconnecting EventSource sends the last id it saw; that wins over the page's first "after".
        var resumeFrom = long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeen)
            ? lastSeen
            : after ?? 0;
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(Events(feed, resumeFrom, lifetime.ApplicationStopping, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(
        LocalFeed feed, long after, CancellationToken stopping, CancellationToken aborted, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping, aborted, ct);

        // Sent first so headers go out at once and the page knows it is connected, even when nothing is posted.
        yield return new SseItem<object>(new { after }, "ready") { ReconnectionInterval = TimeSpan.FromSeconds(2) };
        await foreach (var post in feed.FollowAsync(after, done.Token))
            yield return new SseItem<object>(post) { EventId = post.Id.ToString(CultureInfo.InvariantCulture) };
    }

    private static InboundMessage Inbound(string user, string? conversation, string text, InboundAction? action)
    {
        var who = user.Trim();
        var where = string.IsNullOrWhiteSpace(conversation) ? LocalConversations.Announce : conversation.Trim();
        return new InboundMessage(ChannelKind.Local, who, who, where, ThreadId: null, Command: null, text, action);
    }

    private static Dictionary<string, string[]> Check(string? user, string? conversation)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(user))
            errors["user"] = ["Pick who you are, or type a guest name."];
        else if (user.Trim().Length > MaxNameLength)
            errors["user"] = [$"A name is at most {MaxNameLength} characters."];
        if (conversation is { Length: > MaxNameLength })
            errors["conversation"] = [$"A conversation label is at most {MaxNameLength} characters."];
        return errors;
    }
}
