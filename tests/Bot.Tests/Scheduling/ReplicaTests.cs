using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Scheduling;

/// <summary>Two hosts on one PostgreSQL database fire every timer exactly once.</summary>
public sealed class ReplicaTests
{
    private const int Incidents = 1000;

    [PostgresFact]
    public Task TwoHosts_OnOneDatabase_FireEveryDueTimerOnce() => WithTwoHostsAsync(async (first, second, time) =>
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = worker; i < Incidents; i += 4)
                    await first.Desk.ReportAsync(Actor.Employee($"e{i}", "Employee"), new IncidentReport($"Outage {i}", "sev1"));
            })));
            time.Advance(TimeSpan.FromMinutes(20)); // each incident's acknowledge reminder (7.5 min) and timeout (15 min) are due

            var ticks = await Task.WhenAll(
                Task.Run(() => first.Services.GetRequiredService<Bot.Scheduling.TimerTick>().RunOnceAsync()),
                Task.Run(() => second.Services.GetRequiredService<Bot.Scheduling.TimerTick>().RunOnceAsync()));

            ticks.Sum(t => t.Fired).Should().Be(2 * Incidents);
            ticks.Sum(t => t.Failed).Should().Be(0);
            var factory = first.Services.GetRequiredService<IDbContextFactory<IncidentDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var reminders = await db.Timeline.Where(t => t.Action == "ack-reminder").Select(t => t.IncidentNumber).ToListAsync();
            reminders.Should().HaveCount(Incidents).And.OnlyHaveUniqueItems();
            var escalations = await db.Timeline.Where(t => t.Action == "escalated").Select(t => t.IncidentNumber).ToListAsync();
            escalations.Should().HaveCount(Incidents).And.OnlyHaveUniqueItems();
        });

    [PostgresFact]
    public Task TwoHosts_OnOneDatabase_DeliverEachOutboxMessageOnce() => WithTwoHostsAsync(async (first, second, _) =>
        {
            for (var i = 0; i < 40; i++)
                await first.Desk.ReportAsync(Actor.Employee($"e{i}", "Employee"), new IncidentReport($"Outage {i}", "sev2"));

            for (var round = 0; round < 20; round++)
                await Task.WhenAll(Task.Run(() => first.FlushAsync()), Task.Run(() => second.FlushAsync()));

            var delivered = first.Posts.Deliveries.Concat(second.Posts.Deliveries).Select(d => d.Message.Id).ToList();
            var factory = first.Services.GetRequiredService<IDbContextFactory<IncidentDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var outbox = await db.Outbox.CountAsync();
            delivered.Should().OnlyHaveUniqueItems();
            (await db.Outbox.CountAsync(o => o.DeliveredAt == null)).Should().Be(0);
            delivered.Count.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(outbox);
        });

    /// <summary>Two replicas of the host on a fresh PostgreSQL database and one shared fake clock.</summary>
    private static async Task WithTwoHostsAsync(Func<TimedHost, TimedHost, FakeTimeProvider, Task> test)
    {
        await using var database = await ScratchDatabase.CreateAsync("ib_replicas");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 4, 30, 0, TimeSpan.Zero));
        var settings = new[] { ("Storage:Provider", "Postgres"), ("ConnectionStrings:Incidents", database.ConnectionString) };
        await using var first = new TimedHost(time, settings);
        await using var second = new TimedHost(time, settings);
        await test(first, second, time);
    }
}
