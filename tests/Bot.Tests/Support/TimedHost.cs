using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Support;

/// <summary>
/// The real host on a fake clock with its background loops off: a test advances time, runs one timer tick
/// and one outbox round, and reads what the bot posted.
/// </summary>
public sealed class TimedHost : BotHost
{
    public TimedHost(DateTimeOffset start, params (string Key, string Value)[] settings)
        : this(new FakeTimeProvider(start), settings)
    {
    }

    /// <summary>A host on a clock shared with other hosts (replicas of one deployment).</summary>
    public TimedHost(FakeTimeProvider time, params (string Key, string Value)[] settings)
        : base("timed", time, settings: settings) => Time = time;

    public FakeTimeProvider Time { get; }

    public RecordingAdapter Posts { get; } = new();

    protected override void ReplaceServices(IServiceCollection services)
    {
        services.AddSingleton(Posts);
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<RecordingAdapter>());
    }

    /// <summary>Moves the clock, fires what is due and delivers what that produced.</summary>
    public async Task<TickResult> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return await TickAsync();
    }

    public async Task<TickResult> TickAsync()
    {
        var result = await Services.GetRequiredService<TimerTick>().RunOnceAsync();
        await FlushAsync();
        return result;
    }

    public Task<int> FlushAsync() => DeliverOnceAsync();

    public async Task<IncidentView> IncidentAsync(int number) => (await Desk.ShowAsync(number)).Incident!;

    /// <summary>Texts posted to an audience (and person) since the test began.</summary>
    public IReadOnlyList<string> TextsTo(Audience audience, string? person = null) =>
        Posts.Deliveries.Where(d => d.Message.Audience == audience && (person is null || d.Message.PersonId == person))
            .Select(d => d.Content.Text).ToList();
}
