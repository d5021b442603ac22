using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>What both drivers share: the clock, timer ticks, outbox rounds, and the plan of the host they drive.</summary>
internal abstract class ChatDriver : IChatDriver
{
    /// <summary>A Tuesday, 11:30 in Asia/Kolkata: inside business hours and hours away from the daily summary.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 6, 0, 0, TimeSpan.Zero);

    protected ChatDriver() => Clock = new ParityClock(Start);

    public abstract string Channel { get; }

    protected ParityClock Clock { get; }

    protected abstract IServiceProvider Services { get; }

    protected ResponsePlan Plan => Services.GetRequiredService<ResponsePlan>();

    protected ChannelLedger Ledger => Services.GetRequiredService<ChannelLedger>();

    public abstract Task<ChatTurn> SayAsync(string person, string commandLine, Place? where = null);

    public abstract Task<ChatTurn> PressAsync(string person, string actionId, string incidentId, Place? on = null);

    public abstract Task<ChatTurn> PressOnPostAsync(string person, string actionId, string value, Place on);

    public abstract Task<ChatTurn> SubmitAsync(string person, ChatForm form, params (string Field, string Value)[] fields);

    public abstract Task<IReadOnlyList<string>> PostsAsync(Place place);

    public abstract Task<string?> CardAsync(Place place, string incidentId);

    public abstract Task<IReadOnlyList<string>> CardsAsync(string incidentId);

    public abstract ValueTask DisposeAsync();

    public async Task<(System.Net.HttpStatusCode Status, string Body)> OpenAsync(string link)
    {
        using var client = NewClient();
        using var response = await client.GetAsync(new Uri(link).PathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A client of the driven host.</summary>
    protected abstract HttpClient NewClient();

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await SettleAsync(Services.GetRequiredService<TimerTick>().RunOnceAsync());
        await FlushAsync();
    }

    /// <summary>Delivers everything the outbox holds, as the background loop would.</summary>
    protected async Task FlushAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 20 && await SettleAsync(dispatcher.RunOnceAsync()) > 0; round++)
        {
        }
    }

    /// <summary>Waits for work that may be held back on the fake clock; see <see cref="ParityClock.SettleAsync"/>.</summary>
    protected Task<T> SettleAsync<T>(Task<T> work) => Clock.SettleAsync(work);

    protected Person PersonOf(string person) =>
        Plan.FindPerson(person) ?? throw new ArgumentException($"'{person}' is not a person of the parity plan.", nameof(person));

    // A button value may carry more after the incident ("INC-1 sev2"); the incident comes first.
    protected static int NumberOf(string incidentId) =>
        IncidentId.TryParse(incidentId.Split(' ')[0], out var number) ? number : throw new ArgumentException($"'{incidentId}' is not an incident id.", nameof(incidentId));
}
