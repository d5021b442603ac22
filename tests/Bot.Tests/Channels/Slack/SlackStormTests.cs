using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>A burst of reports above Delivery:StormThreshold (5): one digest in announce, and every incident keeps one live card.</summary>
public sealed class SlackStormTests : IAsyncLifetime
{
    private const int Burst = 7;
    private readonly string _folder = Directory.CreateTempSubdirectory("slack-storm-").FullName;
    private SlackHost _host = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Burst_WithChannelPerIncident_PostsOneDigestAndEachCardInItsOwnChannel()
    {
        _host = new SlackHost();

        await ReportBurstAsync();

        Posts("C0INCIDENTS").Select(c => c.Text).Should().Equal(Digest(n => $"#inc-{n}-widget-{n}-misbehaves"));
        for (var n = 1; n <= Burst; n++)
            Posts($"CINC-{n}-WIDGET-{n}-MISBEHAVES").Where(HasButtons).Should().ContainSingle();
        _host.Slack.Succeeded("chat.postMessage").Where(c => c.Channel!.StartsWith('C')).Count(HasButtons).Should().Be(Burst);
    }

    [Fact]
    public async Task Burst_WithoutChannelPerIncident_PostsOneDigestAndEachCardInAnnounce()
    {
        var plan = Path.Combine(_folder, "plan.yaml");
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "plan.default.yaml"));
        await File.WriteAllTextAsync(plan, shipped.Replace("perIncident: true", "perIncident: false", StringComparison.Ordinal));
        _host = new SlackHost(new FakeTimeProvider(DateTimeOffset.UtcNow), ("ResponsePlan:Path", plan));

        await ReportBurstAsync();

        var announce = Posts("C0INCIDENTS");
        announce.Where(c => !HasButtons(c)).Select(c => c.Text).Should().Equal(Digest(_ => "this channel"));
        announce.Where(HasButtons).Should().HaveCount(Burst);
        for (var n = 1; n <= Burst; n++)
            announce.Where(HasButtons).Should().ContainSingle(c => c.Body["blocks"]!.ToJsonString().Contains($"Widget {n} misbehaves", StringComparison.Ordinal));
        _host.Slack.Succeeded("chat.postMessage").Where(c => c.Channel!.StartsWith('C')).Count(HasButtons).Should().Be(Burst);
    }

    private async Task ReportBurstAsync()
    {
        for (var n = 1; n <= Burst; n++)
            await _host.CommandAsync("U0EMP", "/incident", $"report Widget {n} misbehaves sev2");
        await _host.FlushAsync();
    }

    private List<SlackCall> Posts(string channel) =>
        _host.Slack.Succeeded("chat.postMessage").Where(c => c.Channel == channel).ToList();

    private static bool HasButtons(SlackCall call) =>
        call.Body["blocks"] is JsonArray blocks && blocks.Any(b => b!["type"]?.GetValue<string>() == "actions");

    private static string[] Digest(Func<int, string> place) =>
    [
        "Storm: 7 posts about 7 incidents folded into this one. Act on each from its card:"
            + string.Concat(Enumerable.Range(1, Burst).Select(n => $"\n• INC-{n} sev2 Widget {n} misbehaves — card in {place(n)}")),
    ];
}
