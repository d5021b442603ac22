using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Reports;

/// <summary>
/// Eight incidents driven through the Desk on a fake clock (plan: <see cref="TestPlans.Standard"/>, Asia/Kolkata).
/// The day under test starts at <see cref="DayStart"/> (Tue 3 Mar 2026 04:00 UTC, 09:30 in Kolkata) and ends
/// at <see cref="DayEnd"/>, 24 hours later. Offsets below are from DayStart ("S").
/// <code>
/// #  sev   title                  reported  first ack        resolved   end state       notes
/// 1  sev2  Printer jam            S-24h     S-23h50 (10m)    S-23h      Resolved        before the day
/// 2  sev1  Payments down          S+1h      S+1h10 (10m)     S+6h (5h)  Resolved        resolve-by S+5h: breached
/// 3  sev2  Login slow             S+2h      S+2h50 (50m)     S+4h (2h)  Resolved        escalated L2 S+2h20, management S+2h40
/// 4  sev1  Data export broken     S+3h      S+3h05 (5m)      S+4h (1h)  RcaPending      closed S+4h30, RCA required
/// 5  sev2  Duplicate of INC-2     S+5h      -                -          Cancelled       cancelled S+5h10
/// 6  sev2  Search index stale     S+6h      S+6h20 (20m)     -          Acknowledged    resolve-by S+14h: breached
/// 7  sev3  Typo on pricing page   S+7h      -                -          Reported        business hours: ack-by Wed 11:30 IST = S+26h
/// 8  sev2  Webhook retries        S+8h      S+8h15 (15m)     S+11h (3h) Resolved
/// </code>
/// </summary>
public sealed class SummaryFixture : IAsyncLifetime
{
    private static readonly Actor Reporter = Actor.Employee("slack:U01EVE", "Eve");

    public static readonly DateTimeOffset DayStart = TestStore.Start.AddDays(1);
    public static readonly DateTimeOffset DayEnd = DayStart.AddDays(1);

    public TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync(StorageProvider.Sqlite);
        var desk = Store.Desk;

        await Report("Printer jam", "sev2");                            // #1 at S-24h
        At(TestStore.Start.AddMinutes(10));
        await desk.AcknowledgeAsync(People.Ana, 1);
        At(TestStore.Start.AddHours(1));
        await desk.ResolveAsync(People.Ana, 1, "Cleared the tray");

        AtDay(1, 0);
        await Report("Payments down", "sev1");                          // #2
        AtDay(1, 10);
        await desk.AcknowledgeAsync(People.Ana, 2);
        AtDay(2, 0);
        await Report("Login slow", "sev2");                             // #3
        AtDay(2, 20);
        await desk.EscalateAsync(Reporter, 3, "nobody is answering");
        AtDay(2, 40);
        await desk.EscalateAsync(Reporter, 3, "still nobody");
        AtDay(2, 50);
        await desk.AcknowledgeAsync(People.Dana, 3);
        AtDay(3, 0);
        await Report("Data export broken", "sev1");                     // #4
        AtDay(3, 5);
        await desk.AcknowledgeAsync(People.Ana, 4);
        AtDay(4, 0);
        await desk.ResolveAsync(People.Ana, 3, "Restarted the identity pods");
        await desk.ResolveAsync(People.Ana, 4, "Rolled back the exporter");
        AtDay(4, 30);
        await desk.CloseAsync(People.Ana, 4);
        await Store.FireNextAsync(2, until: TimerKind.ResolveBreach); // its deadlines up to the breach at S+5h
        await Report("Duplicate of INC-2", "sev2");                     // #5 at S+5h
        AtDay(5, 10);
        await desk.CancelAsync(People.Ana, 5, "duplicate of INC-2");
        AtDay(6, 0);
        await desk.ResolveAsync(People.Ana, 2, "Failed over to the standby gateway");
        await Report("Search index stale", "sev2");                     // #6
        AtDay(6, 20);
        await desk.AcknowledgeAsync(People.Ana, 6);
        AtDay(7, 0);
        await Report("Typo on pricing page", "sev3");                   // #7
        AtDay(8, 0);
        await Report("Webhook retries", "sev2");                        // #8
        AtDay(8, 15);
        await desk.AcknowledgeAsync(People.Ana, 8);
        AtDay(11, 0);
        await desk.ResolveAsync(People.Ana, 8, "Raised the retry budget");
        await Store.FireNextAsync(6, until: TimerKind.ResolveBreach); // its deadlines up to the breach at S+14h
        At(DayEnd);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    private async Task Report(string title, string severity)
    {
        var result = await Store.Desk.ReportAsync(Reporter, new IncidentReport(title, severity));
        result.Status.Should().Be(DeskStatus.Done);
    }

    private void AtDay(int hours, int minutes) => At(DayStart.AddHours(hours).AddMinutes(minutes));

    private void At(DateTimeOffset instant) => Store.Time.SetUtcNow(instant);
}
