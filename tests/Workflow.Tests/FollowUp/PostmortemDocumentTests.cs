using System.Text;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using Jivrus.IncidentBot.Workflow.Tickets;

namespace Jivrus.IncidentBot.Workflow.Tests.FollowUp;

public sealed class PostmortemDocumentTests : SqliteStoreTest
{
    private static readonly Actor Eve = Actor.Person("eve", "Eve");

    [Fact]
    public async Task Postmortem_OfAClosedCriticalIncident_IsTheWholeDocumentInThePlansTimeZone()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Checkout down", "sev1", "All card payments fail"));
        await AfterAsync(TimeSpan.FromMinutes(10), () => Store.Desk.AcknowledgeAsync(People.Ana, 1));
        await AfterAsync(TimeSpan.FromMinutes(2), () => Store.Desk.AssignAsync(People.Ana, 1, "chen"));
        await AfterAsync(TimeSpan.FromMinutes(20), () => Store.Desk.UpdateAsync(People.Chen, 1, "Rolled back release 42"));
        await AfterAsync(TimeSpan.FromMinutes(58), () => Store.Desk.ResolveAsync(People.Chen, 1, "Rollback done"));
        await AfterAsync(TimeSpan.FromMinutes(5), () => Store.Desk.CloseAsync(People.Chen, 1));
        await AfterAsync(TimeSpan.FromHours(2), () => Store.Desk.SubmitRcaAsync(People.Chen, 1, "A config flag flipped in release 42", "Add a canary owner @chen due 2026-03-20; alert on payment errors owner @ana due 2026-03-20"));
        await LinkTicketAsync(42, TestStore.Start.AddMinutes(3), "ana");

        var document = await Store.Desk.PostmortemAsync(People.Ana, 1);

        document.Should().Be(new Postmortem(1, "Checkout down", """
            # Post-mortem of INC-1: Checkout down

            ## Summary

            - Severity: sev1 · Critical
            - State: closed
            - Impact: All card payments fail
            - Reported by: Eve
            - Commander: Chen

            ## Times

            Times are in Asia/Kolkata.

            - Reported: 2026-03-02 09:30
            - Acknowledged: 2026-03-02 09:40 by Ana
            - Resolved: 2026-03-02 11:00
            - Closed: 2026-03-02 13:05
            - Time to acknowledge: 10m (target 15m), met
            - Time to resolve: 1h30m (target 4h), met
            - SLA breaches: none

            ## Timeline

            - 2026-03-02 09:30 · Eve · Eve reported INC-1 (Critical): Checkout down
            - 2026-03-02 09:40 · Ana · Ana acknowledged INC-1.
            - 2026-03-02 09:42 · Ana · Ana made Chen the commander of INC-1.
            - 2026-03-02 10:02 · Chen · Update on INC-1 from Chen: Rolled back release 42
            - 2026-03-02 11:00 · Chen · Chen resolved INC-1 after 1h30m: Rollback done
            - 2026-03-02 11:05 · Chen · INC-1 is Critical: a root-cause analysis is required before it closes (due within 5d).
            - 2026-03-02 13:05 · Chen · Chen added INC-1 \#1: Add a canary · owner Chen · due Fri 20 Mar 18:00 (Asia/Kolkata).
            - 2026-03-02 13:05 · Chen · Chen added INC-1 \#2: alert on payment errors · owner Ana · due Fri 20 Mar 18:00 (Asia/Kolkata).
            - 2026-03-02 13:05 · Chen · Chen submitted the RCA of INC-1 and closed it: A config flag flipped in release 42

            ## Root cause

            A config flag flipped in release 42

            Recorded 2026-03-02 13:05.

            ## Actions

            - #1 Add a canary (owner Chen, due 2026-03-20, open)
            - #2 alert on payment errors (owner Ana, due 2026-03-20, open)

            ## Linked tickets

            - Freshdesk ticket 42, linked 2026-03-02 09:33 by Ana

            """));
    }

    [Fact]
    public async Task Postmortem_OfAnIncidentAcknowledgedAndResolvedLate_ListsBothBreaches()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("Search slow", "sev2"));
        await AfterAsync(TimeSpan.FromMinutes(45), () => Store.Desk.AcknowledgeAsync(People.Ben, 1));
        await AfterAsync(TimeSpan.FromHours(9), () => Store.Desk.ResolveAsync(People.Ben, 1, "Index rebuilt"));

        var document = await Store.Desk.PostmortemAsync(People.Ben, 1);

        document!.Markdown.Should().Be("""
            # Post-mortem of INC-1: Search slow

            ## Summary

            - Severity: sev2 · High
            - State: resolved
            - Impact: not recorded
            - Reported by: Eve
            - Commander: none assigned

            ## Times

            Times are in Asia/Kolkata.

            - Reported: 2026-03-02 09:30
            - Acknowledged: 2026-03-02 10:15 by Ben
            - Resolved: 2026-03-02 19:15
            - Closed: not yet
            - Time to acknowledge: 45m (target 30m), missed
            - Time to resolve: 9h45m (target 8h), missed
            - SLA breaches:
              - acknowledged 15m late (due 2026-03-02 10:00)
              - resolved 1h45m late (due 2026-03-02 17:30)

            ## Timeline

            - 2026-03-02 09:30 · Eve · Eve reported INC-1 (High): Search slow
            - 2026-03-02 10:15 · Ben · Ben acknowledged INC-1.
            - 2026-03-02 19:15 · Ben · Ben resolved INC-1 after 9h45m: Index rebuilt

            ## Root cause

            No RCA has been recorded.

            ## Actions

            No corrective actions were recorded.

            ## Linked tickets

            No tickets are linked.

            """);
    }

    [Fact]
    public async Task Postmortem_OfATitleWithMarkup_EscapesItSoItReadsAsTyped()
    {
        await Store.Desk.ReportAsync(Eve, new IncidentReport("# Login *fails* for <admin> [sso]", "sev3", "users_can't sign in"));

        var document = await Store.Desk.PostmortemAsync(People.Ana, 1);

        document!.Markdown.Split('\n').Take(9).Should().Equal(
            @"# Post-mortem of INC-1: \# Login \*fails\* for \<admin\> \[sso\]",
            "",
            "## Summary",
            "",
            "- Severity: sev3 · Medium",
            "- State: reported",
            @"- Impact: users\_can't sign in",
            "- Reported by: Eve",
            "- Commander: none assigned");
    }

    [Fact]
    public async Task Postmortem_OfAnIncidentThatDoesNotExist_IsNull()
    {
        var document = await Store.Desk.PostmortemAsync(People.Ana, 9);

        document.Should().BeNull();
    }

    [Fact]
    public void Actions_WithOwnersDueDatesAndStates_ListsEachWithItsDetails()
    {
        var text = new StringBuilder();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        PostmortemDocument.Actions(text, [
            new PostmortemAction(1, "Add a canary", "Chen", new DateTimeOffset(2026, 3, 9, 20, 0, 0, TimeSpan.Zero), "open"),
            new PostmortemAction(2, "Alert on payment errors", "Ana", null, "done"),
            new PostmortemAction(3, "Rewrite billing", null, null, "dropped: out of scope"),
        ], zone);

        text.ToString().Should().Be("""

            ## Actions

            - #1 Add a canary (owner Chen, due 2026-03-10, open)
            - #2 Alert on payment errors (owner Ana, done)
            - #3 Rewrite billing (dropped: out of scope)

            """);
    }

    private async Task AfterAsync(TimeSpan wait, Func<Task> act)
    {
        Store.Time.Advance(wait);
        await act();
    }

    private async Task LinkTicketAsync(long ticket, DateTimeOffset at, string by)
    {
        await using var db = await Store.OpenAsync();
        db.TicketLinks.Add(new IncidentTicketLink(1, ticket, at, by));
        await db.SaveChangesAsync();
    }
}
