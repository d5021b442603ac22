using System.Net;
using System.Text;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Freshdesk;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Bot.Tests.Freshdesk;
using Jivrus.IncidentBot.Bot.Tests.Parity;
using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>Where a person types or presses, in product terms; each channel maps it to its own conversation.</summary>
internal sealed record Where(string Kind, string? Key = null)
{
    public static Where Announce { get; } = new("announce");

    public static Where Support { get; } = new("support");

    public static Where DirectTo(string person) => new("direct", person);
}

/// <summary>
/// One chat channel of the real host on a fake clock, with its fake API recording every call. A scripted step
/// moves the clock to its time, acts as a person, delivers the outbox as the host does and writes what people
/// saw to the <see cref="Transcript"/>; waiting fires the timers one due instant at a time, through the host's tick.
/// </summary>
internal abstract class TranscriptChannel : IAsyncDisposable
{
    /// <summary>Tuesday 2025-03-04, 10:00 in Asia/Kolkata: inside business hours, far from the daily summary.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 4, 30, 0, TimeSpan.Zero);

    private int _freshdeskSeen;

    protected TranscriptChannel() => Clock = new ParityClock(Start);

    public Transcript Transcript { get; } = new();

    /// <summary>What the chat was asked to render, channel-neutral: the same for every channel (messages.txt).</summary>
    public MessageLog Messages { get; } = new();

    /// <summary>Every neutral message the host's dispatcher handed its channels, in order.</summary>
    protected abstract IReadOnlyList<DeliveryRequest> Deliveries { get; }

    public FakeFreshdesk Freshdesk { get; } = new();

    protected ParityClock Clock { get; }

    protected abstract IServiceProvider Services { get; }

    protected ResponsePlan Plan => Services.GetRequiredService<ResponsePlan>();

    protected ChannelLedger Ledger => Services.GetRequiredService<ChannelLedger>();

    /// <summary>Settings every channel's host gets: the transcript plan, Freshdesk, and a repeatable order across conversations.</summary>
    protected (string Key, string Value)[] Settings =>
    [
        ("ResponsePlan:Path", Path.Combine(AppContext.BaseDirectory, "Transcripts", "transcript-plan.yaml")),
        ("Delivery:ConversationsInParallel", "1"),
        .. Freshdesk.Settings,
    ];

    /// <summary>A plan person types a command line in a place; the answer goes to the transcript.</summary>
    protected abstract Task SayCoreAsync(string person, string line, Where where);

    /// <summary>A plan person presses a button (action id and value) on the latest post in a place that carries it.</summary>
    protected abstract Task PressCoreAsync(string person, string actionId, string value, Where on);

    /// <summary>The person fills in and submits the RCA form the bot last opened for them.</summary>
    protected abstract Task SubmitRcaCoreAsync(string person, string rootCause, string actions);

    /// <summary>The person sends the customer reply form the bot last opened for them: its draft with <paramref name="added"/> after it.</summary>
    protected abstract Task SubmitTicketReplyCoreAsync(string person, string added);

    /// <summary>Writes the posts and card updates made since the last call to the transcript.</summary>
    protected abstract void RecordPosts();

    protected abstract HttpClient CreateClient();

    public abstract ValueTask DisposeAsync();

    public Task SayAsync(string at, string what, string person, string line, Where where) =>
        StepAsync(at, what, $"{PersonOf(person).Name} types in {TypedIn(where)}: {line}", () => SayCoreAsync(person, line, where));

    public Task PressAsync(string at, string what, string person, string actionId, string value, Where on) =>
        StepAsync(at, what, $"{PersonOf(person).Name} presses {actionId} ({value}) in {Describe(on)}", () => PressCoreAsync(person, actionId, value, on));

    public Task SubmitRcaAsync(string at, string what, string person, string rootCause, string actions) =>
        StepAsync(at, what, $"{PersonOf(person).Name} fills in root cause \"{rootCause}\" and actions \"{actions}\"", () => SubmitRcaCoreAsync(person, rootCause, actions));

    public Task SubmitTicketReplyAsync(string at, string what, string person, string added) =>
        StepAsync(at, what, $"{PersonOf(person).Name} adds the paragraph \"{added}\" above the sign-off of the draft and presses Send reply", () => SubmitTicketReplyCoreAsync(person, added));

    /// <summary>The draft as a person edits it: <paramref name="added"/> as a paragraph of its own above the sign-off (the last paragraph).</summary>
    protected static string EditDraft(string? draft, string added)
    {
        var paragraphs = (draft ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").ToList();
        paragraphs.Insert(Math.Max(0, paragraphs.Count - 1), added);
        return string.Join("\n\n", paragraphs.Where(p => p.Length > 0));
    }

    /// <summary>Freshdesk's automation rule calls the webhook for the ticket as the fake now has it.</summary>
    public Task TicketChangedAsync(string at, string what, FakeTicket ticket) => StepAsync(at, what, null, async () =>
    {
        Freshdesk.SetTicket(ticket);
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/freshdesk/webhook")
        {
            Content = new StringContent($$"""{"ticket_id": {{ticket.Id}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(FreshdeskWebhook.SecretHeader, FakeFreshdesk.Secret);
        using var response = await Settle(client.SendAsync(request));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "Freshdesk's webhook must be accepted");
    });

    /// <summary>A fake-clock instant from the plan's wall clock on the transcript's day ("10:01:20").</summary>
    public static DateTimeOffset At(string wallClock)
    {
        var local = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(Start, TranscriptText.Zone).Date + TimeSpan.Parse(wallClock, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TranscriptText.Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Lets time pass until <paramref name="until"/>: at each instant a timer falls due the clock stops there, the
    /// host's tick claims and fires what is due, the outbox is delivered, and a header names the timers.
    /// </summary>
    public async Task WaitUntilAsync(string until)
    {
        var end = At(until);
        for (var instants = 0; ; instants++)
        {
            if (instants > 50)
                throw new InvalidOperationException($"Timers keep falling due before {until}; the plan is firing in a loop.");
            var due = await DueAsync(end);
            if (due.Count == 0)
                break;
            var instant = due[0].DueAt > Clock.GetUtcNow() ? due[0].DueAt : Clock.GetUtcNow();
            MoveTo(instant);
            var header = "timer: " + string.Join(", ", due.Select(Describe));
            Transcript.Header(instant, header);
            Messages.Header($"# {TranscriptText.Clock(instant)} {header}");
            await Settle(Services.GetRequiredService<TimerTick>().RunOnceAsync());
            await FlushAsync();
            Record();
        }

        MoveTo(end);
    }

    private async Task StepAsync(string at, string what, string? did, Func<Task> act)
    {
        // Timers due before the step fire first, each under its own header, so the script keeps running when a
        // change moves a deadline; the transcript then shows where it went.
        await WaitUntilAsync(at);
        var when = At(at);
        Transcript.Header(when, what, did);
        Messages.Header($"# {TranscriptText.Clock(when)} {what}");
        await act();
        await FlushAsync();
        Record();
    }

    private void Record()
    {
        Messages.Record(Deliveries);
        RecordPosts();
        RecordFreshdesk();
        // A channel only renders: every row of buttons it posted is the row of a message it was given in this step.
        foreach (var (where, buttons) in Transcript.PostedButtons)
        {
            Messages.Offered(buttons).Should().BeTrue(
                $"the buttons posted in {where} ({string.Join(", ", buttons.Select(b => b.Label))}) must be those of a message the chat was asked to render");
        }
    }

    /// <summary>What the bot wrote to Freshdesk (replies to the customer, private notes) since the last step, one line each.</summary>
    private void RecordFreshdesk()
    {
        var requests = Freshdesk.Requests;
        for (; _freshdeskSeen < requests.Count; _freshdeskSeen++)
        {
            var request = requests[_freshdeskSeen];
            if (request.Method == "GET" || request.Status is < 200 or > 299)
                continue;
            var path = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var kind = path[^1] switch { "reply" => "reply", "notes" => "note", _ => request.Method.ToLowerInvariant() };
            var ticket = path.Length >= 4 && path[^3] == "tickets" ? $"Freshdesk #{path[^2]}" : "Freshdesk";
            var body = request.Body.StartsWith('{') && System.Text.Json.Nodes.JsonNode.Parse(request.Body)?["body"] is { } text ? (string?)text : request.Body;
            // Freshdesk shows the HTML body: line breaks as lines, entities as their characters.
            Transcript.Add(ticket, kind, TranscriptText.Line(WebUtility.HtmlDecode(body?.Replace("<br>", "\n", StringComparison.Ordinal))));
        }
    }

    private void MoveTo(DateTimeOffset when)
    {
        var now = Clock.GetUtcNow();
        if (when < now)
            throw new InvalidOperationException($"The script goes back in time: {TranscriptText.Clock(when)} is before {TranscriptText.Clock(now)}.");
        Clock.Advance(when - now);
    }

    /// <summary>The timers that fall due first, at or before <paramref name="end"/>: all those sharing that instant.</summary>
    private async Task<List<IncidentTimer>> DueAsync(DateTimeOffset end)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<IncidentDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        // At one instant: tickets, then summaries, then incidents, each by id, as the transcripts were recorded.
        var due = (await db.Timers.AsNoTracking().ToListAsync()).Where(t => t.DueAt <= end).OrderBy(t => t.DueAt)
            .ThenBy(t => t.Subject switch { TimerSubject.Ticket => -t.SubjectId, TimerSubject.Summary => 0, _ => t.SubjectId })
            .ThenBy(t => t.Kind).ToList();
        return due.Count == 0 ? due : due.TakeWhile(t => t.DueAt == due[0].DueAt).ToList();
    }

    /// <summary>Where a person types a command of the script.</summary>
    protected virtual string TypedIn(Where where) => Describe(where);

    /// <summary>Where the script acts, in words that fit every channel.</summary>
    private string Describe(Where where) => where.Kind switch
    {
        "announce" => "#incidents",
        "support" => "#support",
        "direct" => Direct(PersonOf(where.Key!).Name),
        _ => where.ToString(),
    };

    private static string Describe(IncidentTimer timer)
    {
        var subject = timer.Subject == TimerSubject.Ticket ? $"ticket #{timer.SubjectId}" : $"INC-{timer.SubjectId}";
        var what = timer.Kind switch
        {
            TimerKind.AckReminder => "acknowledge reminder",
            TimerKind.AckTimeout => "acknowledge deadline",
            TimerKind.UpdateDue => "update due",
            TimerKind.ResolveWarning => "resolve warning",
            TimerKind.ResolveBreach => "resolve deadline",
            TimerKind.RcaReminder => "RCA reminder",
            TimerKind.RcaDue => "RCA deadline",
            TimerKind.SummaryDaily => "daily summary",
            TimerKind.SummaryWeekly => "weekly summary",
            TimerKind.TicketRespondWarning => "first-response reminder",
            TimerKind.TicketRespondBreach => "first-response deadline",
            TimerKind.TicketResolveWarning => "resolution reminder",
            TimerKind.TicketResolveBreach => "resolution deadline",
            TimerKind.TicketClimb => "still breached, next level",
            _ => timer.Kind.ToString(),
        };
        return timer.Kind is TimerKind.SummaryDaily or TimerKind.SummaryWeekly ? what : $"{subject} {what}";
    }

    /// <summary>
    /// Delivers everything the outbox holds, round after round, as the background loop would, then sends what is
    /// due for Freshdesk (customer replies, private notes) as its own background loop would.
    /// </summary>
    protected async Task FlushAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 20 && await Settle(dispatcher.RunOnceAsync()) > 0; round++)
        {
        }

        var notes = Services.GetRequiredService<FreshdeskNoteSender>();
        for (var round = 0; round < 20 && await Settle(notes.RunOnceAsync()) > 0; round++)
        {
        }
    }

    /// <summary>Waits for work that may be held back on the fake clock; see <see cref="ParityClock.SettleAsync"/>.</summary>
    protected Task<T> Settle<T>(Task<T> work) => Clock.SettleAsync(work);

    protected Person PersonOf(string person) =>
        Plan.FindPerson(person) ?? throw new ArgumentException($"'{person}' is not a person of the transcript plan.", nameof(person));

    /// <summary>"DM Ana": how every transcript names a person's direct conversation with the bot.</summary>
    protected static string Direct(string name) => $"DM {name}";
}
