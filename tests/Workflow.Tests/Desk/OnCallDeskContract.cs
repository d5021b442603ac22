using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.Desk;

/// <summary>Overrides, pages under rotations and the handoff timer, on each store.</summary>
public abstract class OnCallDeskContract : IAsyncLifetime
{
    // TestStore.Start is Monday 2026-03-02 09:30 in Kolkata: Ana's first week; Ben takes over Monday 2026-03-09 09:00.
    private static readonly DateTimeOffset Handoff = new(2026, 3, 9, 3, 30, 0, TimeSpan.Zero);
    private TestStore _store = null!;

    protected abstract StorageProvider Provider { get; }

    private Workflow.Desk.Desk Desk => _store.Desk;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(Provider, Plan());

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public static ResponsePlan Plan()
    {
        var plan = TestPlans.Standard();
        return plan with
        {
            Rotations = [Weekly("support", "Support on-call", "ana", "ben"), Weekly("eng", "Engineering on-call", "chen")],
            Escalation = new EscalationLadder(1,
            [
                new EscalationLevel("L1", "Support on-call", ["rotation:support"]),
                new EscalationLevel("L2", "Engineering on-call", ["rotation:eng"]),
                plan.Escalation.Levels[2],
            ]),
        };
    }

    private static Rotation Weekly(string id, string name, params string[] people) => new()
    {
        Id = id,
        Name = name,
        People = people,
        Shift = RotationShift.Week,
        HandoffDay = IsoDayOfWeek.Monday,
        HandoffTime = new LocalTime(9, 0),
        TimeZone = DateTimeZoneProviders.Tzdb["Asia/Kolkata"],
        Start = new LocalDate(2026, 3, 2),
    };

    [StoreFact]
    public async Task Override_ByThePersonOnCall_IsStoredWithItsMakerAndPagesItsPerson()
    {
        var made = await Desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddHours(4));
        var incident = (await Desk.ReportAsync(Chen, new IncidentReport("Checkout down", "sev1"))).Incident!;

        made.Message.Should().Be("Override #1: Eve is on call for Support on-call from now until 13:30 (Asia/Kolkata), instead of Ana. Made by Ana.");
        await using var db = await _store.OpenAsync();
        var row = await db.OnCallOverrides.SingleAsync();
        (row.RotationId, row.PersonId, row.CreatedById, row.From, row.Until).Should().Be(("support", "eve", "ana", TestStore.Start, TestStore.Start.AddHours(4)));
        incident.Paged.Select(p => p.Id).Should().Equal("eve");
        var timeline = (await Desk.TimelineAsync(incident.Number))!.Value.Entries.Select(e => e.Text).ToList();
        timeline.Should().Equal("Chen reported INC-1 (Critical): Checkout down", "Eve is on call for Support on-call under override #1, made by Ana.");
    }

    [StoreFact]
    public async Task Override_BySomeoneNeitherOnCallNorAManager_IsRefusedNamingWhoMay()
    {
        var result = await Desk.OverrideOnCallAsync(Chen, "support", "eve", TestStore.Start.AddHours(4));

        (result.Status, result.Message).Should().Be((DeskStatus.Refused,
            "Chen cannot hand Support on-call to Eve. The person on call (Ana) or a manager may; anyone may take a shift for themself."));
    }

    [StoreFact]
    public async Task Override_TakenForThemself_ByAnyone_IsAccepted()
    {
        var result = await Desk.OverrideOnCallAsync(Chen, "support", "chen", TestStore.Start.AddHours(2));

        result.Status.Should().Be(DeskStatus.Done);
        (await Desk.OnCallRosterAsync()).At("support", TestStore.Start).PersonId.Should().Be("chen");
    }

    [StoreFact]
    public async Task Cancel_ByThePersonItNames_PutsTheScheduleBackAndListsNothing()
    {
        await Desk.OverrideOnCallAsync(Ana, "support", "eve", TestStore.Start.AddHours(4));

        var cancelled = await Desk.CancelOnCallOverrideAsync(Eve, 1);

        cancelled.Message.Should().Be("Eve cancelled override #1. Ana is on call for Support on-call again.");
        (await Desk.OnCallOverridesAsync()).Should().Be(
            "No on-call overrides are in force. Hand a shift to someone with /oncall override <rotation> <@person> <duration|until YYYY-MM-DD HH:mm>.");
    }

    [StoreFact]
    public async Task PagedIncident_KeepsItsPeopleAfterAHandoff_AndTheNextLevelPagesWhoIsOnWhenItClimbs()
    {
        var incident = (await Desk.ReportAsync(Chen, new IncidentReport("Checkout down", "sev2"))).Incident!;
        _store.Time.SetUtcNow(Handoff.AddHours(1));
        await Desk.OverrideOnCallAsync(Chen, "eng", "dana", Handoff.AddHours(5));

        var acked = await Desk.AcknowledgeAsync(Ana, incident.Number);
        var escalated = await Desk.EscalateAsync(Ana, incident.Number, "needs engineering");

        acked.Status.Should().Be(DeskStatus.Done);
        escalated.Incident!.Paged.Select(p => p.Id).Should().Equal("dana");
        await using var db = await _store.OpenAsync();
        (await db.Incidents.SingleAsync()).PagedByLevel.Should().Be("ana;dana");
    }

    [StoreFact]
    public async Task HandoffTimer_FiresOnce_TellingBothPeopleAndTheSupportChannel()
    {
        await Desk.ReportAsync(Chen, new IncidentReport("Checkout down", "sev2"));
        await Desk.EnsureHandoffTimerAsync();
        var timer = (await Desk.TimersOfAsync(TimerSubject.OnCall, 0)).Should().ContainSingle().Subject;
        _store.Time.SetUtcNow(Handoff);

        var first = await Desk.FireTimerAsync(timer);
        var second = await Desk.FireTimerAsync(timer);

        (timer.DueAt, first, second).Should().Be((Handoff, TimerResult.Fired, TimerResult.Gone));
        await using var db = await _store.OpenAsync();
        var posts = await db.Outbox.Where(o => o.IncidentNumber == null).OrderBy(o => o.Id).Select(o => new { o.Audience, o.PersonId, o.Text }).ToListAsync();
        posts.Select(p => (p.Audience, p.PersonId, p.Text)).Should().Equal(
            (Audience.Person, "ben", "You are on call for Support on-call now, until Mon 16 Mar 09:00 (Asia/Kolkata). Open incidents you now own: "
                + "INC-1 (High, L1) Checkout down: waiting for an acknowledgement by Mon 2 Mar 10:00 (Asia/Kolkata), resolve by Mon 2 Mar 17:30 (Asia/Kolkata)."),
            (Audience.Person, "ana", "Your on-call turn for Support on-call has ended; Ben is on call now. Ben now owns INC-1."),
            (Audience.Support, (string?)null, "On call for Support on-call: Ben takes over from Ana until Mon 16 Mar 09:00 (Asia/Kolkata)."));
        (await Desk.TimersOfAsync(TimerSubject.OnCall, 0)).Should().ContainSingle().Which.DueAt.Should().Be(Handoff.AddDays(7));
    }
}

public sealed class OnCallDeskOnSqliteTests : OnCallDeskContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

[OnPostgres]
public sealed class OnCallDeskOnPostgresTests : OnCallDeskContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
