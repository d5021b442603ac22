using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackRcaTests : IAsyncLifetime
{
    private readonly SlackHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Payments down sev1");
        await _host.PressAsync("U01ANA", ActionIds.Acknowledge, "INC-1");
        await _host.PressAsync("U01ANA", ActionIds.Resolve, "INC-1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CloseOfACriticalIncident_OpensTheRcaModal()
    {
        await _host.PressAsync("U01ANA", ActionIds.Close, "INC-1");

        var view = _host.Slack.Succeeded("views.open").Should().ContainSingle().Which.Body["view"]!;
        view["callback_id"]!.GetValue<string>().Should().Be("incident.rca");
        view["private_metadata"]!.GetValue<string>().Should().Be("INC-1|C0INCIDENTS");
    }

    [Fact]
    public async Task CloseOfACriticalIncident_IsRefusedUntilTheRcaIsIn()
    {
        await _host.PressAsync("U01ANA", ActionIds.Close, "INC-1");
        await _host.PressAsync("U01ANA", ActionIds.Close, "INC-1");

        (await _host.IncidentAsync(1)).State.Should().Be(IncidentState.RcaPending);
    }

    [Fact]
    public async Task RcaModal_WithoutRootCause_ShowsTheErrorBesideTheField()
    {
        await _host.PressAsync("U01ANA", ActionIds.Close, "INC-1");

        var response = await _host.SubmitAsync("U01ANA", "incident.rca", "INC-1", ("actions", "Add an alert - Ana"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["errors"]!["root_cause"].Should().NotBeNull();
        (await _host.IncidentAsync(1)).State.Should().Be(IncidentState.RcaPending);
    }

    [Fact]
    public async Task RcaModal_WhenComplete_ClosesTheIncident()
    {
        await _host.PressAsync("U01ANA", ActionIds.Close, "INC-1");

        await _host.SubmitAsync("U01ANA", "incident.rca", "INC-1",
            ("root_cause", "Expired certificate"), ("factors", "No expiry alert"), ("actions", "Alert 30 days ahead owner @chen due 30d"));

        var incident = await _host.IncidentAsync(1);
        incident.State.Should().Be(IncidentState.Closed);
        incident.RcaRootCause.Should().Be("Expired certificate");
    }

    [Fact]
    public async Task RcaModal_WhenComplete_ConfirmsToTheSubmitterInTheChannelItWasOpenedFrom()
    {
        await _host.PressAsync("U01ANA", ActionIds.Close, "INC-1");

        await _host.SubmitAsync("U01ANA", "incident.rca", "INC-1|C0INCIDENTS",
            ("root_cause", "Expired certificate"), ("actions", "Alert 30 days ahead owner @chen due 30d"));

        var confirmation = _host.Slack.Succeeded("chat.postEphemeral").Should().ContainSingle().Which.Body;
        confirmation["channel"]!.GetValue<string>().Should().Be("C0INCIDENTS");
        confirmation["user"]!.GetValue<string>().Should().Be("U01ANA");
        confirmation["text"]!.GetValue<string>().Should().Contain("INC-1");
        (await _host.IncidentAsync(1)).State.Should().Be(IncidentState.Closed);
    }
}
