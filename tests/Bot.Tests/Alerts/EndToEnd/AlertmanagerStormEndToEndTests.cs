using Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;
using Jivrus.IncidentBot.Workflow.Incidents;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager.AlertmanagerRig;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// A storm through a real Alertmanager: 30 alert groups at once, each its own webhook, arriving concurrently. The
/// plan's <c>storm.groups</c> (10) page one by one; the rest share one storm incident; no group is lost.
/// </summary>
public sealed class AlertmanagerStormEndToEndTests
{
    private const int Groups = 30;
    private const string StormTitle = "Alert storm from Alertmanager (prometheus)";

    [AlertmanagerFact]
    public async Task Storm_ThirtyGroupsAtOnce_PageTheFirstTenAndPutTheRestOnOneStormIncident()
    {
        await using var rig = await AlertmanagerBotRig.StartAsync();

        var names = await rig.Api.FireStormAsync(Groups);
        var groups = await Eventually.UntilAsync(rig.Bot.AlertGroupsAsync, all => all.Count >= Groups, $"all {Groups} alert groups stored");
        await rig.Bot.WaitUntilDeliveredAsync();

        groups.Select(g => (g.Key, g.Title)).Should().BeEquivalentTo(
            names.Select(name => (GroupKey(name), $"{name} is down")), "every group Alertmanager sent is stored, once");
        var incidents = await rig.Bot.IncidentsAsync();
        incidents.Select(i => i.Number).Should().Equal(Enumerable.Range(1, AlertBot.StormGroups + 1));
        var storm = incidents.Should().ContainSingle(i => i.Title == StormTitle).Which;
        (storm.SeverityId, storm.State, storm.AlertNote, storm.ReporterName).Should().Be(
            ("sev3", IncidentState.Reported, $"alert storm: {Groups - AlertBot.StormGroups} groups firing", "Alertmanager (prometheus)"));

        // The first ten each have an incident of their own, titled by the group's summary.
        var own = groups.Where(g => !g.InStorm).ToList();
        own.Should().HaveCount(AlertBot.StormGroups);
        own.Select(g => g.IncidentNumber).Should().OnlyHaveUniqueItems().And.NotContain(storm.Number);
        own.Select(g => (g.IncidentNumber, g.Title))
            .Should().BeEquivalentTo(incidents.Where(i => i.Number != storm.Number).Select(i => (i.Number, i.Title)));

        // The other twenty are on the storm's timeline, one line each; the storm paged once.
        var joined = groups.Where(g => g.InStorm).ToList();
        joined.Should().HaveCount(Groups - AlertBot.StormGroups).And.OnlyContain(g => g.IncidentNumber == storm.Number);
        var timeline = await rig.Bot.TimelineAsync(storm.Number);
        timeline[0].Should().Be($"Alertmanager (prometheus) reported INC-{storm.Number} (Medium): {StormTitle}");
        timeline.Skip(1).Should().BeEquivalentTo(joined.Select(g => $"Alert group firing: {g.Title} (1 alert firing)."));
        (await rig.Bot.PagesAsync()).Should().BeEquivalentTo(Stored.PageRounds([.. incidents.Select(i => i.Number)]));
    }
}
