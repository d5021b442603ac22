using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Jivrus.IncidentBot.Workflow.Tests.Support.People;

namespace Jivrus.IncidentBot.Workflow.Tests.FollowUp;

/// <summary>Corrective actions through the desk, stored: the same on SQLite and on PostgreSQL.</summary>
public abstract class ActionDeskContract : IAsyncLifetime
{
    private static readonly Actor Guest = Actor.Employee("slack:U09GUEST", "Gus");

    protected TestStore Store { get; private set; } = null!;

    protected abstract StorageProvider Provider { get; }

    public async Task InitializeAsync() => Store = await TestStore.CreateAsync(Provider);

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [StoreFact]
    public async Task Rca_WithActions_NumbersThemInOrderWithOwnerDueAndState()
    {
        await ParkCriticalAsync();

        await Store.Desk.SubmitRcaAsync(Ana, 1, "Expired certificate", "Alert before expiry owner @chen due 5d\nRenew by hand owner ana due 2026-03-10");

        var actions = await Store.Desk.ActionsOfAsync(1, Actor.Timer);
        actions.Should().Equal(
            new ActionView(1, 1, "Alert before expiry", "chen", "Chen", TestStore.Start.AddDays(5), ActionState.Open, null, null, null),
            new ActionView(1, 2, "Renew by hand", "ana", "Ana", new DateTimeOffset(2026, 3, 10, 12, 30, 0, TimeSpan.Zero), ActionState.Open, null, null, null));
        (await Store.Desk.ShowAsync(1)).Incident!.State.Should().Be(IncidentState.Closed);
    }

    [StoreFact]
    public async Task Rca_OnCriticalWithAnActionLackingOwner_KeepsItWaitingAndSaysWhy()
    {
        await ParkCriticalAsync();

        var rca = await Store.Desk.SubmitRcaAsync(Ana, 1, "Expired certificate", "Alert before expiry; Renew by hand owner ana due 3d");

        rca.Status.Should().Be(DeskStatus.Done);
        rca.Incident!.State.Should().Be(IncidentState.RcaPending);
        rca.Message.Should().Be("Ana submitted the RCA of INC-1: Expired certificate\n"
            + "INC-1 closes once every corrective action has an owner and a due date, or is dropped: #1 \"Alert before expiry\" has no owner and no due date.");
    }

    [StoreFact]
    public async Task Close_WithAnActionLackingWhat_IsRefusedNamingIt()
    {
        await ParkCriticalAsync();
        await Store.Desk.SubmitRcaAsync(Ana, 1, "Expired certificate", "Alert before expiry owner chen");

        var close = await Store.Desk.CloseAsync(Ana, 1);

        close.Status.Should().Be(DeskStatus.Refused);
        close.Message.Should().Be("INC-1 cannot close yet: every corrective action needs an owner and a due date, or must be dropped. "
            + "#1 \"Alert before expiry\" has no due date. "
            + "Set them with /incident action set INC-1 <k> owner <@person> due <date>, or drop one with /incident action drop INC-1 <k> <reason>.");
    }

    [StoreFact]
    public async Task SetAction_GivingTheMissingDueDate_LetsTheIncidentClose()
    {
        await ParkCriticalAsync();
        await Store.Desk.SubmitRcaAsync(Ana, 1, "Expired certificate", "Alert before expiry owner chen");

        var set = await Store.Desk.SetActionAsync(Ana, 1, 1, null, "2026-03-20");
        var close = await Store.Desk.CloseAsync(Ana, 1);

        set.Message.Should().Be("Ana set INC-1 #1 (Alert before expiry): owner Chen · due Fri 20 Mar 18:00 (Asia/Kolkata).\n"
            + "Every corrective action of INC-1 now has an owner and a due date: close it with /incident close INC-1.");
        close.Incident!.State.Should().Be(IncidentState.Closed);
    }

    [StoreFact]
    public async Task DropAction_LastGap_LetsTheIncidentClose()
    {
        await ParkCriticalAsync();
        await Store.Desk.SubmitRcaAsync(Ana, 1, "Expired certificate", "Alert before expiry");

        var drop = await Store.Desk.DropActionAsync(Ana, 1, 1, "The provider renews certificates now");
        var close = await Store.Desk.CloseAsync(Ana, 1);

        drop.Message.Should().Be("Ana dropped INC-1 #1 (Alert before expiry): The provider renews certificates now\n"
            + "Every corrective action of INC-1 now has an owner and a due date: close it with /incident close INC-1.");
        close.Incident!.State.Should().Be(IncidentState.Closed);
    }

    [StoreFact]
    public async Task Close_OfANonCriticalIncident_IsNotHeldByActions()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Slow search", "sev3"));
        await Store.Desk.ResolveAsync(Ana, 1, "Rebuilt the index");
        await Store.Desk.AddActionAsync(Ana, 1, "Watch index size", "ana", null);

        var close = await Store.Desk.CloseAsync(Ana, 1);

        close.Incident!.State.Should().Be(IncidentState.Closed);
    }

    [StoreFact]
    public async Task AddAction_WritesEveryChangeOnTheTimeline()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));

        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "2026-03-05");
        await Store.Desk.CompleteActionAsync(Chen, 1, 1);

        var timeline = (await Store.Desk.TimelineAsync(1))!.Value.Entries.Skip(1).Select(e => (e.ActorName, e.Action, e.Text));
        timeline.Should().Equal(
            ("Ana", "action-added", "Ana added INC-1 #1: Add disk alerts · owner Chen · due Thu 5 Mar 18:00 (Asia/Kolkata)."),
            ("Chen", "action-done", "Chen marked INC-1 #1 done: Add disk alerts"));
    }

    [StoreFact]
    public async Task CompleteAction_ByItsOwnerWhoMayNotChangeTheIncident_IsAllowed()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));
        await Store.Desk.AddActionAsync(Ana, 1, "Tell support about the workaround", "eve", "3d");

        var done = await Store.Desk.CompleteActionAsync(Eve, 1, 1);

        done.Status.Should().Be(DeskStatus.Done);
        (await Store.Desk.ActionsOfAsync(1, Actor.Timer))!.Single().State.Should().Be(ActionState.Done);
    }

    [StoreFact]
    public async Task CompleteAction_BySomeoneElse_IsRefusedNamingWhoMay()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));
        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "3d");

        var done = await Store.Desk.CompleteActionAsync(Guest, 1, 1);

        done.Status.Should().Be(DeskStatus.Refused);
        done.Message.Should().Be("Gus cannot change the corrective actions of INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana), or use /escalate INC-1 to page the next level. Chen, who owns it, may too.");
    }

    [StoreFact]
    public async Task CompleteAction_ThatDoesNotExist_SaysWhichDo()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));
        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "3d");

        var done = await Store.Desk.CompleteActionAsync(Ana, 1, 4);

        done.Message.Should().Be("INC-1 has no action #4; it has #1 to #1 (/incident actions INC-1 lists them).");
    }

    [StoreFact]
    public async Task ListActions_MineAndOverdue_ReadAcrossIncidents()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Login slow", "sev2"));
        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "1d");
        await Store.Desk.AddActionAsync(Ana, 2, "Cache sessions", "chen", "3d");
        await Store.Desk.AddActionAsync(Ana, 2, "Load test", "ana", "1d");
        Store.Time.Advance(TimeSpan.FromDays(2));

        var mine = await Store.Desk.ListActionsAsync(ActionFilter.Mine, Chen);
        var overdue = await Store.Desk.ListActionsAsync(ActionFilter.Overdue, Chen);

        mine.Shown.Select(a => a.Ref).Should().Equal("INC-1 #1", "INC-2 #1");
        overdue.Shown.Select(a => a.Ref).Should().Equal("INC-1 #1", "INC-2 #2");
        overdue.Total.Should().Be(2);
    }

    [StoreFact]
    public async Task ActionsOf_AnIncidentThatDoesNotExist_IsNull()
    {
        var actions = await Store.Desk.ActionsOfAsync(9, Actor.Timer);

        actions.Should().BeNull();
    }

    [StoreFact]
    public async Task AddAction_PlansAReminderAndAnOverdueNudgeForTheAction()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1"));

        await Store.Desk.AddActionAsync(Ana, 1, "Add disk alerts", "chen", "5d");

        await using var db = await Store.OpenAsync();
        var id = await db.Actions.Select(a => a.Id).SingleAsync();
        var timers = await Store.Desk.TimersOfAsync(TimerSubject.Action, id);
        timers.Select(t => (t.Kind, t.DueAt)).Should().Equal(
            (TimerKind.ActionReminder, TestStore.Start.AddDays(4)),
            (TimerKind.ActionOverdue, TestStore.Start.AddDays(5)));
    }

    private async Task ParkCriticalAsync()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Payments down", "sev1"));
        await Store.Desk.AcknowledgeAsync(Ana, 1);
        await Store.Desk.ResolveAsync(Ana, 1, "Renewed the certificate");
        (await Store.Desk.CloseAsync(Ana, 1)).Incident!.State.Should().Be(IncidentState.RcaPending);
    }
}

public sealed class ActionDeskOnSqliteTests : ActionDeskContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

[OnPostgres]
public sealed class ActionDeskOnPostgresTests : ActionDeskContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
