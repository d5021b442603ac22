using System.Collections.Concurrent;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

/// <summary>
/// SIGTERM stops the host's background loops: the outbox batch being sent is finished and the timers claimed but
/// not fired are handed back. The loops run for real here (on a fake clock that the test moves); the chat API is
/// slow on purpose, and incident rows locked from outside hold a timer mid-fire, so the stop lands mid-way. The test
/// calls the loop's StopAsync as the host does on SIGTERM, at the moment it chooses (the host's own stop would
/// reach the loop at a moment the test cannot see).
/// </summary>
public sealed class ShutdownDrainTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);

    [PostgresFact]
    public async Task Stop_DuringOutboxBatch_FinishesTheBatchAndTakesNoNewOne()
    {
        await using var database = await ScratchDatabase.CreateAsync("ib_drain");
        var time = new FakeTimeProvider(Start);
        await using var host = new DrainHost(time, database.ConnectionString);
        for (var i = 1; i <= 3; i++)
            await host.Desk.ReportAsync(Actor.Employee($"e{i}", "Employee"), new IncidentReport($"Outage {i}", "sev2"));
        var batch = await OutboxIdsAsync(host, delivered: null);

        time.Advance(TimeSpan.FromSeconds(1)); // the outbox loop's next round takes everything pending
        await host.Chat.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopped = Service<OutboxDispatchService>(host).StopAsync(CancellationToken.None);
        await host.Desk.ReportAsync(Actor.Employee("e4", "Employee"), new IncidentReport("Outage 4", "sev2"));
        var late = (await OutboxIdsAsync(host, delivered: null)).Except(batch).ToList();
        stopped.IsCompleted.Should().BeFalse();
        host.Chat.Release.SetResult();
        await stopped.WaitAsync(TimeSpan.FromSeconds(30));

        host.Chat.Delivered.Order().Should().Equal(batch);
        (await OutboxIdsAsync(host, delivered: true)).Should().Equal(batch);
        (await OutboxIdsAsync(host, delivered: false)).Should().Equal(late);
        late.Should().NotBeEmpty();
    }

    [PostgresFact]
    public async Task Stop_WhileFiringTimers_FinishesTheOneInHandAndReleasesTheOtherClaims()
    {
        await using var database = await ScratchDatabase.CreateAsync("ib_drain");
        var time = new FakeTimeProvider(Start);
        await using var host = new DrainHost(time, database.ConnectionString);
        host.Chat.Release.SetResult();
        for (var i = 1; i <= 3; i++)
            await host.Desk.ReportAsync(Actor.Employee($"e{i}", "Employee"), new IncidentReport($"Outage {i}", "sev1"));
        await using var locks = await LockIncidentsAsync(database.ConnectionString);

        time.Advance(TimeSpan.FromMinutes(10)); // each incident's acknowledge reminder (7.5 min) is due: three timers
        await UntilAsync(async () => (await TimersAsync(host)).Count(t => t.ClaimedUntil is not null) == 3);
        // The first timer is in hand once its change waits for the locked incident row; stopping earlier would find none.
        await UntilAsync(() => WaitingForALockAsync(database.ConnectionString));
        var stopped = Service<TimerService>(host).StopAsync(CancellationToken.None);
        await locks.RollbackAsync(); // the timer in hand can now commit
        await stopped.WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = await Db(host);
        (await db.Timeline.CountAsync(t => t.Action == "ack-reminder")).Should().Be(1);
        var timers = await TimersAsync(host);
        timers.Where(t => t.Kind == Workflow.Agenda.TimerKind.AckReminder).Select(t => t.ClaimedUntil).Should().Equal(new DateTimeOffset?[] { null, null });
        timers.Count(t => t.ClaimedUntil is not null).Should().Be(0);
    }

    [Fact]
    public void Host_GivesTheDrainTwentyFiveSeconds()
    {
        using var host = new BotHost("drain");

        host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(25));
    }

    private static T Service<T>(DrainHost host) => host.Services.GetServices<IHostedService>().OfType<T>().Single();

    private static Task<IncidentDbContext> Db(DrainHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<IncidentDbContext>>().CreateDbContextAsync();

    private static async Task<List<long>> OutboxIdsAsync(DrainHost host, bool? delivered)
    {
        await using var db = await Db(host);
        return await db.Outbox.Where(o => delivered == null || (o.DeliveredAt != null) == delivered).Select(o => o.Id).OrderBy(id => id).ToListAsync();
    }

    private static async Task<List<Workflow.Agenda.IncidentTimer>> TimersAsync(DrainHost host)
    {
        await using var db = await Db(host);
        return await db.Timers.AsNoTracking().Where(t => t.DueAt <= Start.AddMinutes(10)).ToListAsync();
    }

    /// <summary>Locks every incident row, as a transaction of another replica would, so a timer firing waits.</summary>
    private static async Task<NpgsqlTransaction> LockIncidentsAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM incidents FOR UPDATE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    private static async Task<bool> WaitingForALockAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 600 && !await condition(); attempt++)
            await Task.Delay(50);
        (await condition()).Should().BeTrue();
    }

    /// <summary>The real host with its loops on, on PostgreSQL and a fake clock, posting through a slow chat.</summary>
    private sealed class DrainHost(FakeTimeProvider time, string connectionString) : BotHost("drain", time, background: true,
        ("Storage:Provider", "Postgres"), ("ConnectionStrings:Incidents", connectionString),
        ("Delivery:PollInterval", "00:00:01"), ("Delivery:ConversationsInParallel", "1"), ("Scheduling:TickInterval", "00:00:01"))
    {
        public SlowChat Chat { get; } = new();

        protected override void ReplaceServices(IServiceCollection services)
        {
            services.AddSingleton<IChannelAdapter>(Chat);
            // A loop stopped on its own (not by the host) would otherwise look like a crashed one and stop the host.
            services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        }
    }

    /// <summary>A chat API whose first call waits until the test lets it go.</summary>
    private sealed class SlowChat : IChannelAdapter
    {
        private readonly ConcurrentQueue<long> _delivered = new();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<long> Delivered => [.. _delivered.Distinct()];

        public string Name => "slow";

        public bool Enabled => true;

        public async Task DeliverAsync(DeliveryRequest delivery, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            _delivered.Enqueue(delivery.Message.Id);
        }
    }
}
