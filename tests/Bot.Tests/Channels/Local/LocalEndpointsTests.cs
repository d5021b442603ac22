using System.Net;
using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

public sealed class LocalEndpointsTests : IAsyncLifetime
{
    private readonly LocalHost _host = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_WithACommand_ReturnsTheTurnReply()
    {
        var reply = await SayAsync("ana", "/incident help");

        reply.Text.Should().Be(Jivrus.IncidentBot.Bot.Commands.HelpText.All);
    }

    [Fact]
    public async Task Message_WithoutTheSlash_IsParsedAsTheSameCommand()
    {
        var reply = await SayAsync("ana", "incident report Checkout down sev1");

        reply.Card.Should().NotBeNull();
        reply.Card!.Title.Should().Be("INC-1 · Checkout down");
    }

    [Fact]
    public async Task Message_WithoutAUser_IsRefusedWithAProblem()
    {
        var response = await _client.PostAsJsonAsync("/local/messages", new LocalMessageRequest(" ", "/incident list"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Pick who you are");
    }

    [Fact]
    public async Task Message_BareReport_AsksForTheReportForm()
    {
        var reply = await SayAsync("Priya", "/incident report");

        (reply.Form!.Kind, reply.Form.Title, reply.Form.Submit).Should().Be(("report", "Report an incident", "Report incident"));
    }

    [Fact]
    public async Task Report_PostsTheCardToTheAnnounceAndIncidentConversations()
    {
        await SayAsync("ana", "/incident report DB down sev1 impact: checkout fails");

        await _host.FlushOutboxAsync();

        var cards = _host.Feed.After(0).Where(p => p.Kind == LocalPostKind.Card).ToList();
        cards.Select(p => p.Conversation).Should().Contain(["#incidents", "#inc-1"]);
        cards.Should().OnlyContain(p => p.IncidentNumber == 1 && p.Card!.Title == "INC-1 · DB down");
    }

    [Fact]
    public async Task Report_PagesTheFirstLevelByDirectMessage()
    {
        await SayAsync("Priya", "/incident report DB down sev1");

        await _host.FlushOutboxAsync();

        _host.Feed.After(0).Select(p => p.Conversation).Should().Contain(["DM Ana", "DM Ben"]);
    }

    [Fact]
    public async Task AcknowledgeButton_PostsACardUpdateShowingAcknowledged()
    {
        await SayAsync("Priya", "/incident report DB down sev1");
        await _host.FlushOutboxAsync();
        var before = _host.Feed.After(0).Max(p => p.Id);

        var response = await _client.PostAsJsonAsync("/local/actions", new LocalActionRequest("ana", "incident.acknowledge", "INC-1"));
        await _host.FlushOutboxAsync();

        var reply = await response.Content.ReadFromJsonAsync<LocalReply>();
        reply!.Card!.Fields.Should().ContainSingle(f => f.Label == "State").Which.Value.Should().Be("acknowledged");
        _host.Feed.After(before).Should().Contain(p => p.Kind == LocalPostKind.Update && p.IncidentNumber == 1
            && p.Card!.Fields.Any(f => f.Label == "State" && f.Value == "acknowledged"));
    }

    [Fact]
    public async Task Message_InAnIncidentConversation_MayLeaveTheIdOut()
    {
        await SayAsync("Priya", "/incident report DB down sev1");
        await _host.FlushOutboxAsync();

        var reply = await SayAsync("ana", "ack", "#inc-1");

        reply.Card!.Fields.Should().ContainSingle(f => f.Label == "State").Which.Value.Should().Be("acknowledged");
    }

    [Fact]
    public async Task People_ListsThePlansPeopleWithRoles()
    {
        var people = await _client.GetFromJsonAsync<LocalPerson[]>("/local/people");

        people!.Select(p => p.Id).Should().Equal("ana", "ben", "chen", "dana");
        people!.Single(p => p.Id == "dana").Roles.Should().Contain("manager");
    }

    [Fact]
    public async Task Root_ServesThePageWithAStrictContentSecurityPolicy()
    {
        var response = await _client.GetAsync("/");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("Content-Security-Policy").Should().ContainSingle().Which.Should().StartWith("default-src 'self'");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<script src=\"local.js\" defer></script>");
    }

    [Fact]
    public async Task Posts_ReturnsOnlyThoseAfterTheGivenId()
    {
        _host.Feed.Add("#incidents", "first", null, null, LocalPostKind.Message);
        var second = _host.Feed.Add("#incidents", "second", null, null, LocalPostKind.Message);

        var posts = await _client.GetFromJsonAsync<LocalPost[]>($"/local/posts?after={second.Id - 1}");

        posts!.Should().ContainSingle().Which.Text.Should().Be("second");
    }

    // The report and RCA forms post their values to /local/forms/{kind}, as a Slack modal or a Teams card submits them.
    [Fact]
    public async Task BareReport_AnswersWithTheFormsFieldsAndTheSeverityAskedFor()
    {
        var reply = await SayAsync("ana", "/incident report sev2");

        var form = reply.Form!;
        form.Fields.Select(f => $"{f.Key}|{f.Label}|{f.Kind}|{(f.Optional ? "optional" : "required")}|{f.Value}").Should().Equal(
            "title|Title|line|required|",
            "severity|Severity|choice|optional|sev2",
            "impact|Customer impact|text|optional|",
            "description|Description|text|optional|",
            "private|Visibility|toggle|optional|");
    }

    [Fact]
    public async Task ReportForm_Complete_FilesTheIncidentAndAnswersWithItsCard()
    {
        var values = new Dictionary<string, string?>
        {
            ["title"] = "Checkout down",
            ["severity"] = "sev1",
            ["impact"] = "All card payments fail",
            ["description"] = "Since 10:00",
            ["private"] = "false",
        };

        var answer = await SubmitAsync("report", new LocalFormRequest("ana", values));

        answer.Errors.Should().BeEmpty();
        answer.Reply!.Card!.Title.Should().Be("INC-1 · Checkout down");
        var incident = (await _host.Desk.ShowAsync(1)).Incident!;
        (incident.SeverityId, incident.Impact, incident.IsPrivate).Should().Be(("sev1", "All card payments fail", false));
    }

    [Fact]
    public async Task ReportForm_WithPrivateTicked_FilesAPrivateIncident()
    {
        var values = new Dictionary<string, string?> { ["title"] = "Keys leaked", ["severity"] = "sev2", ["private"] = "true" };

        await SubmitAsync("report", new LocalFormRequest("ana", values));

        (await _host.Desk.ShowAsync(1)).Incident!.IsPrivate.Should().BeTrue();
    }

    [Fact]
    public async Task ReportForm_WithoutTitle_AnswersWithTheMessageUnderTitleAndFilesNothing()
    {
        var values = new Dictionary<string, string?> { ["title"] = "  ", ["severity"] = "sev1" };

        var answer = await SubmitAsync("report", new LocalFormRequest("ana", values));

        answer.Errors.Should().Equal(new Dictionary<string, string> { ["title"] = "Give the incident a title." });
        answer.Reply.Should().BeNull();
        (await _host.Desk.ShowAsync(1)).Incident.Should().BeNull();
    }

    [Fact]
    public async Task RcaForm_WithoutRootCause_AnswersWithTheMessageUnderRootCause()
    {
        var values = new Dictionary<string, string?> { ["root_cause"] = "", ["actions"] = "Alert before expiry owner @chen due 5d" };

        var answer = await SubmitAsync("rca", new LocalFormRequest("ana", values, IncidentNumber: 1));

        answer.Errors.Should().Equal(new Dictionary<string, string> { ["root_cause"] = "Say what caused the incident." });
        answer.Reply.Should().BeNull();
    }

    [Fact]
    public async Task RcaForm_Complete_ClosesTheIncidentWaitingForIt()
    {
        await SayAsync("ana", "/incident report DB down sev1");
        await SayAsync("ana", "/incident resolve INC-1 Rolled back");
        await SayAsync("ana", "/incident close INC-1");
        var values = new Dictionary<string, string?>
        {
            ["root_cause"] = "Expired certificate",
            ["factors"] = "No expiry alert",
            ["actions"] = "Alert before expiry owner @chen due 5d",
        };

        var answer = await SubmitAsync("rca", new LocalFormRequest("ana", values, IncidentNumber: 1));

        answer.Errors.Should().BeEmpty();
        answer.Reply!.Text.Should().Be("Ana submitted the RCA of INC-1 and closed it: Expired certificate");
        (await _host.Desk.ShowAsync(1)).Incident!.State.Should().Be(IncidentState.Closed);
    }

    [Fact]
    public async Task RcaForm_WithoutItsIncident_IsRefusedWithAProblem()
    {
        var response = await _client.PostAsJsonAsync("/local/forms/rca", new LocalFormRequest("ana", new Dictionary<string, string?> { ["root_cause"] = "x" }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("That RCA form names no incident; use /incident rca INC-n instead.");
    }

    private async Task<LocalFormReply> SubmitAsync(string kind, LocalFormRequest request)
    {
        var response = await _client.PostAsJsonAsync($"/local/forms/{kind}", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalFormReply>())!;
    }

    private async Task<LocalReply> SayAsync(string user, string text, string? conversation = null)
    {
        var response = await _client.PostAsJsonAsync("/local/messages", new LocalMessageRequest(user, text, conversation));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalReply>())!;
    }
}
