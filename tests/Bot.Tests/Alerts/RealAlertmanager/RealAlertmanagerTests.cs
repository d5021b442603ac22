using Xunit.Abstractions;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager.AlertmanagerRig;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

/// <summary>What a real Alertmanager delivers to a webhook receiver configured the way docs/alerts-setup.md says.</summary>
public sealed class RealAlertmanagerTests(ITestOutputHelper output)
{
    [AlertmanagerFact]
    public async Task Fire_ArrivesAsOneVersion4FiringWebhookWithTheBearerToken()
    {
        await using var rig = await StartAsync();
        var labels = Labels(("alertname", "DiskFull"), ("severity", "critical"), ("instance", "db-1"));

        await rig.Api.FireAsync(labels, Labels(("summary", "Disk on db-1 is 97% full")));
        var received = await rig.Receiver.WaitUntilAsync(all => all.Count >= 1, "the firing webhook");

        var webhook = received.Should().ContainSingle().Which;
        webhook.Method.Should().Be("POST");
        webhook.Path.Should().Be(ReceiverPath);
        webhook.Authorization.Should().Be($"Bearer {Token}");
        var body = webhook.Json;
        body.GetProperty("version").GetString().Should().Be("4");
        body.GetProperty("status").GetString().Should().Be("firing");
        body.GetProperty("receiver").GetString().Should().Be("incidentbot");
        body.GetProperty("groupKey").GetString().Should().Be(GroupKey("DiskFull"));
        body.GetProperty("externalURL").GetString().Should().Be("http://alertmanager.example:9093");
        body.GetProperty("groupLabels").ToString().Should().Be("""{"alertname":"DiskFull"}""");
        var alert = body.GetProperty("alerts").EnumerateArray().Should().ContainSingle().Which;
        alert.GetProperty("status").GetString().Should().Be("firing");
        alert.GetProperty("labels").ToString().Should().Be("""{"alertname":"DiskFull","instance":"db-1","severity":"critical"}""");
        alert.GetProperty("annotations").ToString().Should().Be("""{"summary":"Disk on db-1 is 97% full"}""");
        alert.GetProperty("generatorURL").GetString().Should().Be(AlertmanagerApi.GeneratorUrl);
        output.WriteLine($"Alertmanager was ready {rig.Alertmanager.StartupTime.TotalMilliseconds:0} ms after it started.");
    }

    [AlertmanagerFact]
    public async Task Resolve_ArrivesAsAResolvedWebhookForTheSameGroup()
    {
        await using var rig = await StartAsync();
        var labels = Labels(("alertname", "DiskFull"), ("instance", "db-1"));
        await rig.Api.FireAsync(labels);
        var fired = (await rig.Receiver.WaitUntilAsync(all => all.Count >= 1, "the firing webhook")).Single();

        await rig.Api.ResolveAsync(labels);
        var received = await rig.Receiver.WaitUntilAsync(all => all.Any(w => w.Status == "resolved"), "the resolved webhook");

        received.Select(w => w.Status).Should().Equal("firing", "resolved");
        var resolved = received[1];
        resolved.GroupKey.Should().Be(GroupKey("DiskFull"));
        resolved.Authorization.Should().Be($"Bearer {Token}");
        var alert = resolved.Json.GetProperty("alerts").EnumerateArray().Should().ContainSingle().Which;
        alert.GetProperty("status").GetString().Should().Be("resolved");
        var firedAlert = fired.Json.GetProperty("alerts")[0];
        alert.GetProperty("fingerprint").GetString().Should().Be(firedAlert.GetProperty("fingerprint").GetString());
        alert.GetProperty("startsAt").GetDateTimeOffset().Should().Be(firedAlert.GetProperty("startsAt").GetDateTimeOffset());
        alert.GetProperty("endsAt").GetDateTimeOffset().Should().BeAfter(alert.GetProperty("startsAt").GetDateTimeOffset());
    }

    [AlertmanagerFact]
    public async Task TwoAlertsWithOneAlertname_ArriveAsOneGroupOfTwo()
    {
        await using var rig = await StartAsync();

        await rig.Api.FireAllAsync(
        [
            new TestAlert(Labels(("alertname", "HighLatency"), ("instance", "api-1"))),
            new TestAlert(Labels(("alertname", "HighLatency"), ("instance", "api-2"))),
        ]);
        var received = await rig.Receiver.WaitUntilAsync(all => all.Count >= 1, "the group's webhook");

        var webhook = received.Should().ContainSingle().Which;
        webhook.GroupKey.Should().Be(GroupKey("HighLatency"));
        webhook.Json.GetProperty("alerts").EnumerateArray()
            .Select(alert => alert.GetProperty("labels").GetProperty("instance").GetString())
            .Should().Equal("api-1", "api-2");
        webhook.Json.GetProperty("commonLabels").ToString().Should().Be("""{"alertname":"HighLatency"}""");
    }

    [AlertmanagerFact]
    public async Task StormOf50Alertnames_ArrivesAs50GroupsOfOne()
    {
        await using var rig = await StartAsync();

        var names = await rig.Api.FireStormAsync(50);
        var received = await rig.Receiver.WaitUntilAsync(
            all => all.Select(w => w.GroupKey).Distinct().Count() >= 50, "50 groups", TimeSpan.FromSeconds(60));

        received.Select(w => w.GroupKey).Should().BeEquivalentTo(names.Select(GroupKey));
        received.Should().OnlyContain(w => w.Status == "firing" && w.AlertCount == 1 && w.Authorization == $"Bearer {Token}");
    }

    [AlertmanagerFact]
    public async Task UnchangedFiringGroup_IsSentAgainAfterTheRepeatInterval()
    {
        await using var rig = await StartAsync(options => options with { RepeatInterval = TimeSpan.FromSeconds(1) });

        await rig.Api.FireAsync(Labels(("alertname", "QueueBacklog")));
        var received = await rig.Receiver.WaitUntilAsync(all => all.Count >= 2, "the repeated webhook");

        received.Take(2).Select(w => (w.GroupKey, w.Status, w.AlertCount))
            .Should().Equal((GroupKey("QueueBacklog"), "firing", 1), (GroupKey("QueueBacklog"), "firing", 1));
    }

    [AlertmanagerFact]
    public async Task Start_WithAConfigAlertmanagerRejects_FailsWithAlertmanagersOwnWords()
    {
        var options = new AlertmanagerOptions(new Uri("ftp://127.0.0.1/alerts/alertmanager"), Token);

        var start = async () => await AlertmanagerFixture.StartAsync(options);

        (await start.Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().StartWith("Alertmanager exited with code 1 before it was ready")
            .And.Contain("unsupported scheme \\\"ftp\\\"");
    }
}
