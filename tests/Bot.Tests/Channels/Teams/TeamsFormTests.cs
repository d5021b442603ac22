using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

public sealed class TeamsFormTests : IAsyncLifetime
{
    private readonly TeamsHost _host = new();

    [Fact]
    public async Task BareReport_RepliesWithTheReportForm()
    {
        await _host.SendAsync(Activities.Message("incident report"));

        var form = _host.Fake.Accepted.Should().ContainSingle().Which.Card!.ToJsonString();
        form.Should().Contain("Input.Text").And.Contain("\"isRequired\":true").And.Contain("Input.ChoiceSet").And.Contain("sev1");
    }

    [Fact]
    public async Task ReportFormWithoutTitle_ComesBackInPlaceWithTheMessageUnderTheField()
    {
        await _host.SendAsync(Submitted(new JsonObject { ["form"] = "report", ["title"] = " ", ["severity"] = "sev2" }, "form-card-1"));

        var update = _host.Fake.Accepted.Should().ContainSingle().Which;
        update.Method.Should().Be("PUT");
        update.Path.Should().EndWith("/activities/form-card-1");
        update.Card!.ToJsonString().Should().Contain("\"color\":\"Attention\"").And.Contain("\"value\":\"sev2\"");
        (await _host.Desk.ShowAsync(1)).Incident.Should().BeNull();
    }

    [Fact]
    public async Task CompleteReportForm_FilesTheIncident()
    {
        var form = new JsonObject { ["form"] = "report", ["title"] = "Checkout is down", ["severity"] = "sev1", ["impact"] = "All customers" };

        await _host.SendAsync(Submitted(form, "form-card-1"));

        var incident = (await _host.Desk.ShowAsync(1)).Incident!;
        incident.SeverityId.Should().Be("sev1");
        incident.Impact.Should().Be("All customers");
    }

    [Fact]
    public async Task ReportFormByActionExecute_AnswersWithTheFormAndItsErrors()
    {
        var response = await _host.SendAsync(Activities.Execute("form.report", new JsonObject { ["form"] = "report", ["title"] = "" }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["type"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        body["value"]!.ToJsonString().Should().Contain("Input.Text").And.Contain("\"color\":\"Attention\"");
    }

    [Fact]
    public async Task RcaFormWithoutActions_ComesBackWithTheMessageUnderActions()
    {
        var form = new JsonObject { ["form"] = "rca", ["incident"] = "INC-1", ["root_cause"] = "Expired certificate" };

        await _host.SendAsync(Submitted(form, "rca-card-1"));

        var card = _host.Fake.Accepted.Should().ContainSingle().Which.Card!;
        card.ToJsonString().Should().Contain("\"value\":\"Expired certificate\"").And.Contain("\"color\":\"Attention\"");
    }

    internal static JsonObject Submitted(JsonObject value, string formCardId)
    {
        var activity = Activities.Message("");
        activity.Remove("text");
        activity["replyToId"] = formCardId;
        activity["value"] = value;
        return activity;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
