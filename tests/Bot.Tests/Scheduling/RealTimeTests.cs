using System.Diagnostics;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Scheduling;

/// <summary>The real host, real clock and real background loops, with a plan whose windows are seconds long.</summary>
public sealed class RealTimeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"incidentbot-realtime-{Guid.NewGuid():N}");

    [Fact]
    public async Task UnacknowledgedIncident_ClimbsTheLadderOnItsOwn()
    {
        Directory.CreateDirectory(_folder);
        var plan = Path.Combine(_folder, "seconds.yaml");
        await File.WriteAllTextAsync(plan, (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml")))
            .Replace("acknowledgeWithin: 15m", "acknowledgeWithin: 2s", StringComparison.Ordinal)
            .Replace("acknowledgeWithin: 30m", "acknowledgeWithin: 2s", StringComparison.Ordinal));
        await using var host = new BotHost("realtime", background: true, settings: ("ResponsePlan:Path", plan));
        var desk = host.Services.GetRequiredService<Desk>();
        await desk.ReportAsync(Actor.Employee("local:eve", "Eve"), new IncidentReport("Checkout down", "sev1"));

        var reached = await WaitForAsync(async () => (await desk.ShowAsync(1)).Incident!.LevelId == "management", TimeSpan.FromSeconds(20));

        reached.Should().BeTrue("two 2-second windows should have passed well within 20 seconds");
        var timeline = (await desk.TimelineAsync(1))!.Value.Entries;
        var climbs = timeline.Where(e => e.Action == "escalated").Select(e => e.Text).ToList();
        climbs.Should().HaveCountGreaterThanOrEqualTo(2);
        climbs[0].Should().EndWith("escalated to Engineering on-call (L2).");
        climbs[1].Should().EndWith("escalated to Management.");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
                return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return await condition();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
