using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Bot.Tests.Freshdesk;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>The customer reply in Slack: the button opens a modal with the draft; the modal's submission sends it.</summary>
public sealed class SlackTicketReplyTests : IAsyncLifetime
{
    private readonly FakeFreshdesk _freshdesk = new();
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new SlackHost(new FakeTimeProvider(FreshdeskScenario.Monday), _freshdesk.Settings);
        await ResolvedTicket.SetUpAsync(_host.Services);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _freshdesk.Dispose();
    }

    [Fact]
    public async Task ReplyButton_OpensTheReplyModalWithTheDraft()
    {
        await _host.PressAsync("U01ANA", ActionIds.TicketReply, "42:INC-1", "C0SUPPORT");

        var view = _host.Slack.Succeeded("views.open").Should().ContainSingle().Which.Body["view"]!;
        view["callback_id"]!.GetValue<string>().Should().Be("ticket.reply");
        view["private_metadata"]!.GetValue<string>().Should().Be("42:INC-1|C0SUPPORT");
        view["blocks"]![1]!["element"]!["initial_value"]!.GetValue<string>().Should().Be(ResolvedTicket.DraftByAna);
    }

    [Fact]
    public async Task ReplyModal_Empty_ShowsTheErrorBesideTheField()
    {
        var response = await _host.SubmitAsync("U01ANA", "ticket.reply", "42:INC-1|C0SUPPORT", ("reply", " "));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["errors"]!.ToJsonString().Should().Be("""{"reply":"Write the reply to the customer; an empty reply is not sent."}""");
        (await Notes()).Should().BeEmpty();
    }

    [Fact]
    public async Task ReplyModal_Submitted_QueuesTheEditedReplyAndConfirmsToTheSender()
    {
        await _host.SubmitAsync("U01ANA", "ticket.reply", "42:INC-1|C0SUPPORT", ("reply", "Hello Priya, checkout works again. Ana"));

        var confirmation = _host.Slack.Succeeded("chat.postEphemeral").Should().ContainSingle().Which.Body;
        confirmation["channel"]!.GetValue<string>().Should().Be("C0SUPPORT");
        confirmation["text"]!.GetValue<string>().Should().Be(
            "Your reply to the customer of ticket #42 is on its way to Freshdesk. It is on the timelines of INC-1 and of the ticket.");
        (await Notes()).Should().ContainSingle(n => !n.Private).Which.Body.Should().Be("Hello Priya, checkout works again. Ana");
    }

    private async Task<IReadOnlyList<TicketNote>> Notes() =>
        (await _host.Services.GetRequiredService<TicketNoteStore>().OfTicketAsync(42)).Where(n => n.Kind == TicketNoteKind.Reply).ToList();
}
