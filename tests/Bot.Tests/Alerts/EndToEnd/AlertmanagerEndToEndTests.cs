using Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager.AlertmanagerRig;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// A real Alertmanager notifying the real bot: alerts fired and resolved through Alertmanager's API become incidents,
/// timeline lines, pages and chat posts, exactly once each.
/// </summary>
public sealed class AlertmanagerEndToEndTests
{
    private const string Summary = "Checkout error rate above 5%";
    private const string Reporter = "Alertmanager (prometheus)";

    private static readonly Dictionary<string, string> CheckoutOne = Checkout("checkout-1:8080");
    private static readonly Dictionary<string, string> CheckoutTwo = Checkout("checkout-2:8080");
    private static readonly Dictionary<string, string> Annotations = Labels(("summary", Summary));

    [AlertmanagerFact]
    public async Task Fire_OneAlert_OpensOneIncidentReportedByTheSourceThatPagesLevelOneOnce()
    {
        await using var rig = await AlertmanagerBotRig.StartAsync();

        await rig.Api.FireAsync(CheckoutOne, Annotations);
        await rig.Bot.WaitForIncidentsAsync(1);
        await rig.Bot.WaitUntilDeliveredAsync();

        var incident = (await rig.Bot.IncidentsAsync()).Should().ContainSingle().Which;
        (incident.Number, incident.Title, incident.SeverityId, incident.State, incident.ReporterId, incident.ReporterName).Should().Be(
            (1, Summary, "sev1", IncidentState.Reported, "alerts:prometheus", Reporter));
        // The alert's summary is the title; the impact would only repeat it.
        (incident.Impact, incident.Description, incident.AlertNote).Should().Be((
            (string?)null,
            "Labels: alertname=HighErrorRate, instance=checkout-1:8080, service=checkout, severity=critical\nSource: http://alertmanager.example:9093",
            "1 alert firing"));
        (await rig.Bot.TimelineAsync(1)).Should().Equal($"{Reporter} reported INC-1 (Critical): {Summary}");
        (await rig.Bot.PagesAsync()).Should().Equal(Stored.PageRounds(1));
        DirectPosts(rig.Bot).Should().Equal(("DM Ana", 1), ("DM Ben", 1));
    }

    [AlertmanagerFact]
    public async Task Fire_SecondAlertOfTheSameGroup_SaysStillFiringOnTheSameIncidentWithoutANewPage()
    {
        await using var rig = await AlertmanagerBotRig.StartAsync();
        await rig.Api.FireAsync(CheckoutOne, Annotations);
        await rig.Bot.WaitForIncidentsAsync(1);

        await rig.Api.FireAsync(CheckoutTwo, Annotations);
        var timeline = await Eventually.UntilAsync(() => rig.Bot.TimelineAsync(1), lines => lines.Count >= 2, "the second alert on the timeline");
        await rig.Bot.WaitUntilDeliveredAsync();

        timeline.Should().Equal($"{Reporter} reported INC-1 (Critical): {Summary}", $"Still firing, 2 alerts: {Summary}.");
        var incident = (await rig.Bot.IncidentsAsync()).Should().ContainSingle().Which;
        (incident.State, incident.AlertNote).Should().Be((IncidentState.Reported, "2 alerts firing"));
        (await rig.Bot.PagesAsync()).Should().Equal(Stored.PageRounds(1));
        DirectPosts(rig.Bot).Should().Equal(("DM Ana", 1), ("DM Ben", 1));
        (await rig.Bot.AlertGroupsAsync()).Select(g => (g.Key, g.IncidentNumber, g.FiringAlerts)).Should().Equal((GroupKey("HighErrorRate"), 1, 2));
    }

    [AlertmanagerFact]
    public async Task Resolve_EveryAlertOfTheGroupWithNobodyActing_ResolvesTheIncidentByItsAlerts()
    {
        await using var rig = await AlertmanagerBotRig.StartAsync();
        await rig.Api.FireAllAsync([new TestAlert(CheckoutOne, Annotations), new TestAlert(CheckoutTwo, Annotations)]);
        await rig.Bot.WaitForIncidentsAsync(1);

        await rig.Api.ResolveAllAsync([CheckoutOne, CheckoutTwo]);
        var incident = await Eventually.UntilAsync(() => rig.Bot.IncidentAsync(1), i => i.State != IncidentState.Reported, "the incident to resolve");
        await rig.Bot.WaitUntilDeliveredAsync();

        (incident.State, incident.Resolution, incident.AlertNote).Should().Be((IncidentState.Resolved, Incident.ResolvedByAlerts, "all alerts resolved"));
        (await rig.Bot.TimelineAsync(1)).Should().Equal(
            $"{Reporter} reported INC-1 (Critical): {Summary}",
            $"Alerts resolved: {Summary}.",
            $"{Reporter} resolved INC-1 in under a minute: resolved by its alerts");
        (await rig.Bot.IncidentsAsync()).Should().ContainSingle();
        (await rig.Bot.PagesAsync()).Should().Equal(Stored.PageRounds(1));
        (await rig.Bot.NoticesAsync(1, NoticeKind.AlertsResolved)).Should().BeEmpty();
    }

    [AlertmanagerFact]
    public async Task Fire_AgainAfterItsAlertsResolvedTheIncident_ReopensTheSameIncidentAndPagesAgain()
    {
        await using var rig = await AlertmanagerBotRig.StartAsync();
        await rig.Api.FireAsync(CheckoutOne, Annotations);
        await rig.Bot.WaitForIncidentsAsync(1);
        await rig.Api.ResolveAsync(CheckoutOne);
        await Eventually.UntilAsync(() => rig.Bot.IncidentAsync(1), i => i.State == IncidentState.Resolved, "the alerts to resolve the incident");

        await rig.Api.FireAsync(CheckoutOne, Annotations);
        var incident = await Eventually.UntilAsync(() => rig.Bot.IncidentAsync(1), i => i.State != IncidentState.Resolved, "the incident to reopen");
        await rig.Bot.WaitUntilDeliveredAsync();

        (incident.State, incident.AlertNote).Should().Be((IncidentState.Reported, "1 alert firing"));
        (await rig.Bot.TimelineAsync(1)).Should().Equal(
            $"{Reporter} reported INC-1 (Critical): {Summary}",
            $"Alerts resolved: {Summary}.",
            $"{Reporter} resolved INC-1 in under a minute: resolved by its alerts",
            $"Firing again: {Summary}.",
            $"{Reporter} reopened INC-1; Support on-call (L1) is paged again.");
        (await rig.Bot.IncidentsAsync()).Should().ContainSingle();
        (await rig.Bot.PagesAsync()).Should().Equal(Stored.PageRounds(1, 1));
    }

    [AlertmanagerFact]
    public async Task Resolve_AfterAPersonAcknowledgedInChat_KeepsTheIncidentOpenAndAsksTheOwnerToResolveIt()
    {
        await using var rig = await AlertmanagerBotRig.StartAsync();
        await rig.Api.FireAsync(CheckoutOne, Annotations);
        await rig.Bot.WaitForIncidentsAsync(1);
        var ack = await rig.Bot.SayAsync("ana", "/incident ack INC-1");

        await rig.Api.ResolveAsync(CheckoutOne);
        await Eventually.UntilAsync(() => rig.Bot.TimelineAsync(1), lines => lines.Count >= 3, "the resolved alerts on the timeline");
        await rig.Bot.WaitUntilDeliveredAsync();

        ack.Text.Should().Be("Ana acknowledged INC-1.");
        var incident = await rig.Bot.IncidentAsync(1);
        (incident.State, incident.AcknowledgedByName, incident.Resolution, incident.AlertNote).Should().Be(
            (IncidentState.Acknowledged, "Ana", (string?)null, "all alerts resolved"));
        (await rig.Bot.TimelineAsync(1)).Should().Equal(
            $"{Reporter} reported INC-1 (Critical): {Summary}",
            "Ana acknowledged INC-1.",
            $"Alerts resolved: {Summary}.");
        const string Ask = $"The alerts of INC-1 ({Summary}) have resolved. If the incident is over, resolve it: the button or /incident resolve INC-1 <resolution>.";
        (await rig.Bot.NoticesAsync(1, NoticeKind.AlertsResolved)).Should().Equal((Audience.Person, "ana", Ask));
        var asked = rig.Bot.Posts.Where(p => p.Text == Ask).Should().ContainSingle().Which;
        (asked.Conversation, asked.IncidentNumber).Should().Be(("DM Ana", 1));
        asked.Buttons.Select(b => (b.Text, b.ActionId, b.Value)).Should().Equal(("Resolve", "incident.resolve", "INC-1"));
        (await rig.Bot.PagesAsync()).Should().Equal(Stored.PageRounds(1));
    }

    private static Dictionary<string, string> Checkout(string instance) =>
        Labels(("alertname", "HighErrorRate"), ("severity", "critical"), ("service", "checkout"), ("instance", instance));

    /// <summary>
    /// The local chat's direct messages (pages, prompts): (conversation, incident), by conversation; delivery sends the
    /// pages of one round in no set order.
    /// </summary>
    internal static IEnumerable<(string Conversation, int? Incident)> DirectPosts(AlertBot bot) =>
        bot.Posts.Where(p => p.Conversation.StartsWith("DM ", StringComparison.Ordinal)).OrderBy(p => p.Conversation, StringComparer.Ordinal)
            .Select(p => (p.Conversation, p.IncidentNumber));
}
