using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Support;

/// <summary>
/// The real host on a fake clock with its background loops off: a test advances time, runs one timer tick
/// and one outbox round, and reads what the bot posted.
/// </summary>
public sealed class TimedHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public TimedHost(DateTimeOffset start, params (string Key, string Value)[] settings)
        : this(new FakeTimeProvider(start), settings)
    {
    }

    /// <summary>A host on a clock shared with other hosts (replicas of one deployment).</summary>
    public TimedHost(FakeTimeProvider time, params (string Key, string Value)[] settings)
    {
        Time = time;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "InMemory");
            builder.UseSetting("Storage:InMemoryName", $"timed-{Guid.NewGuid():N}");
            builder.UseSetting("Delivery:Background", "false");
            builder.UseSetting("Scheduling:Background", "false");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
                services.AddSingleton(Posts);
                services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<RecordingAdapter>());
            });
        });
    }

    public FakeTimeProvider Time { get; }

    public RecordingAdapter Posts { get; } = new();

    public IServiceProvider Services => _factory.Services;

    public Desk Desk => Services.GetRequiredService<Desk>();

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

    public Task<int> FlushAsync() => Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();

    public async Task<IncidentView> IncidentAsync(int number) => (await Desk.ShowAsync(number)).Incident!;

    /// <summary>Texts posted to an audience (and person) since the test began.</summary>
    public IReadOnlyList<string> TextsTo(Audience audience, string? person = null) =>
        Posts.Deliveries.Where(d => d.Message.Audience == audience && (person is null || d.Message.PersonId == person))
            .Select(d => d.Content.Text).ToList();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
