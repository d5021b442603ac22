using System.Net;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackReportTests : IAsyncLifetime
{
    private readonly SlackHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SlashReport_AnswersEphemerallyAtOnce()
    {
        var response = await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev1 impact: no orders");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.Content.Headers.ContentLength.Should().Be(bytes.Length);
        var body = JsonNode.Parse(bytes)!;
        body["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        body["text"]!.GetValue<string>().Should().Be("INC-1 reported: Checkout is down. Filed as sev1 (Critical), as chosen. Not right? /incident sev INC-1 &lt;sev1..sev4&gt;"); // Slack mrkdwn shows it as <sev1..sev4>
        // A confirmation only: Slack cannot update an ephemeral answer, so the live card is left to the incident's posts.
        body["blocks"].Should().BeNull();
    }

    [Fact]
    public async Task Report_ByAMemberOutsideThePlan_ShowsTheirSlackNameAsReporter()
    {
        _host.Slack.Names["U0EMP"] = "Erin Lee";

        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev1");

        (await _host.IncidentAsync(1)).ReporterName.Should().Be("Erin Lee");
        _host.Slack.Calls.Count(c => c.Method == "users.info").Should().Be(1);
    }

    [Fact]
    public async Task Report_WhenSlackCannotName_FallsBackToTheRequestsUserName()
    {
        _host.Slack.NextError("users.info", "user_not_found");

        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev1");

        (await _host.IncidentAsync(1)).ReporterName.Should().Be("U0EMP");
    }

    [Fact]
    public async Task Reports_WhileSlackFailsToName_AskSlackOnceAMinuteAtMost()
    {
        _host.Slack.NextError("users.info", "internal_error");
        _host.Slack.Names["U0EMP"] = "Erin Lee";

        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev1");
        await _host.CommandAsync("U0EMP", "/incident", "report Search is down sev1");

        (await _host.IncidentAsync(2)).ReporterName.Should().Be("U0EMP");
        _host.Slack.Calls.Count(c => c.Method == "users.info").Should().Be(1);
    }

    [Fact]
    public async Task SlashShow_AnswersWithTheSentenceAndTheCard()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev1");

        var response = await _host.CommandAsync("U0EMP", "/incident", "show INC-1");

        var blocks = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())!["blocks"]!.AsArray();
        blocks[0]!["type"]!.GetValue<string>().Should().Be("section");
        blocks[1]!["type"]!.GetValue<string>().Should().Be("header");
        blocks[1]!["text"]!["text"]!.GetValue<string>().Should().Contain("INC-1").And.Contain("Checkout is down");
        blocks.Select(b => b!["type"]!.GetValue<string>()).Should().Contain("actions");
    }

    [Fact]
    public async Task SlashAcknowledge_AnswersWithTheSentenceAlone()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev2");

        var response = await _host.CommandAsync("U01ANA", "/incident", "ack INC-1");

        var body = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())!;
        body["text"]!.GetValue<string>().Should().Contain("INC-1").And.Contain("acknowledged");
        body["blocks"].Should().BeNull();
    }

    [Fact]
    public async Task SlashHelp_EscapesAngleBracketsForMrkdwn()
    {
        var response = await _host.CommandAsync("U0EMP", "/incident", "help");

        var text = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())!["text"]!.GetValue<string>();
        text.Should().Contain("/incident report &lt;title&gt;").And.NotContain("<title>");
    }

    [Fact]
    public async Task ReplyJson_CarriesQuotesBackslashesEmojiAndAngleBrackets()
    {
        const string title = "Café \"checkout\" \\ <b>down</b> 🔥 & co";

        var response = await _host.CommandAsync("U0EMP", "/incident", $"report {title} sev2");

        var body = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())!;
        body["text"]!.GetValue<string>().Should().Contain("Café \"checkout\" \\ &lt;b&gt;down&lt;/b&gt; 🔥 &amp; co");
    }

    [Fact]
    public async Task PostsOfATitleWithMarkup_CarryItEscapedInTheirText()
    {
        // Every text the Web API client sends is escaped, the card posts' fallback text as well as plain messages.
        await _host.CommandAsync("U0EMP", "/incident", "report <b>down</b> & out sev1");

        await _host.FlushAsync();

        var texts = _host.Slack.Calls.Where(c => c.Method is "chat.postMessage" or "chat.update").Select(c => c.Text).ToList();
        texts.Should().NotBeEmpty().And.OnlyContain(t => !t.Contains('<') && !t.Contains("& "));
        texts.Should().Contain(t => t.Contains("&lt;b&gt;down&lt;/b&gt; &amp; out"));
    }

    [Fact]
    public async Task RepliesOfDifferentLengths_OneAfterAnother_EachCarryTheirOwnLength()
    {
        // The reply JSON is written into a buffer that is reused: a short reply after a long one must not carry its tail.
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev1 impact: no orders");
        foreach (var text in new[] { "show INC-1", "help", "show 1", "frobnicate" })
        {
            var response = await _host.CommandAsync("U0EMP", "/incident", text);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            response.Content.Headers.ContentLength.Should().Be(bytes.Length, text);
            JsonNode.Parse(bytes)!["response_type"]!.GetValue<string>().Should().Be("ephemeral", text);
        }
    }

    [Fact]
    public async Task Report_PostsCardsInAnnounceAndIncidentChannels()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev1");

        await _host.FlushAsync();

        var posts = _host.Slack.Succeeded("chat.postMessage");
        posts.Should().Contain(p => p.Channel == "C0INCIDENTS" && p.Body["blocks"] != null);
        _host.Slack.Succeeded("conversations.create").Should().ContainSingle()
            .Which.Body["name"]!.GetValue<string>().Should().Be("inc-1-checkout-is-down");
        posts.Should().Contain(p => p.Channel == "CINC-1-CHECKOUT-IS-DOWN" && p.Body["blocks"] != null);
        _host.Slack.Succeeded("pins.add").Should().ContainSingle().Which.Channel.Should().Be("CINC-1-CHECKOUT-IS-DOWN");
    }

    [Fact]
    public async Task Report_InvitesReporterAndPagedResponders()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev2");

        await _host.FlushAsync();

        var invited = _host.Slack.Succeeded("conversations.invite").Should().ContainSingle().Which.Body["users"]!.GetValue<string>();
        invited.Split(',').Should().BeEquivalentTo("U01ANA", "U01BEN", "U0EMP");
    }

    [Fact]
    public async Task Report_SendsEachPagedResponderADirectMessageWithTheCard()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev2");

        await _host.FlushAsync();

        _host.Slack.Succeeded("conversations.open").Select(c => c.Body["users"]!.GetValue<string>()).Should().BeEquivalentTo("U01ANA", "U01BEN");
        var dms = _host.Slack.Succeeded("chat.postMessage").Where(p => p.Channel!.StartsWith('D')).ToList();
        dms.Select(d => d.Channel).Should().BeEquivalentTo("DU01ANA", "DU01BEN");
        dms.Should().OnlyContain(d => d.Body["blocks"]!.ToJsonString().Contains(ActionIds.Acknowledge));
    }

    [Fact]
    public async Task Card_CarriesDesignActionIdsAndDeadlinesAsDateTokens()
    {
        await _host.CommandAsync("U0EMP", "/incident", "report Checkout is down sev2");

        await _host.FlushAsync();

        var card = _host.Slack.Succeeded("chat.postMessage").First(p => p.Channel == "C0INCIDENTS");
        var blocks = card.Body["blocks"]!.ToJsonString();
        blocks.Should().Contain("\"action_id\":\"incident.acknowledge\"").And.Contain("\"value\":\"INC-1\"");
        blocks.Should().Contain("!date^").And.Contain("{date_short_pretty} {time}");
        card.Text.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task BareReport_OpensTheReportModal()
    {
        var response = await _host.CommandAsync("U0EMP", "/incident", "report");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = _host.Slack.Succeeded("views.open").Should().ContainSingle().Which.Body;
        view["trigger_id"]!.GetValue<string>().Should().Be("trigger-1");
        view["view"]!["callback_id"]!.GetValue<string>().Should().Be("incident.report");
        view["view"]!["blocks"]!.ToJsonString().Should().Contain("sev1");
    }

    [Fact]
    public async Task ReportModal_WithoutTitle_ShowsTheErrorBesideTheField()
    {
        var response = await _host.SubmitAsync("U0EMP", "incident.report", "C0WHERE", ("title", " "), ("severity", "sev2"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["response_action"]!.GetValue<string>().Should().Be("errors");
        body["errors"]!["title"]!.GetValue<string>().Should().Contain("title");
        (await _host.OpenIncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ReportModal_WhenValid_FilesTheIncident()
    {
        var response = await _host.SubmitAsync("U0EMP", "incident.report", "C0WHERE",
            ("title", "Search is slow"), ("severity", "sev3"), ("impact", "Slow results"), ("description", "Since 10:00"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var incident = (await _host.OpenIncidentsAsync()).Should().ContainSingle().Subject;
        incident.Title.Should().Be("Search is slow");
        incident.SeverityId.Should().Be("sev3");
        incident.State.Should().Be(IncidentState.Reported);
    }
}
