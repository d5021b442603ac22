using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Tests.Freshdesk;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>The customer reply on the local page: the button answers with the reply form; the form posts to its own endpoint.</summary>
public sealed class LocalTicketReplyTests : IAsyncLifetime
{
    private readonly FakeFreshdesk _freshdesk = new();
    private readonly LocalHost _local = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = _local.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in _freshdesk.Settings)
                b.UseSetting(key, value);
        });
        _client = _host.CreateClient();
        await ResolvedTicket.SetUpAsync(_host.Services);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _local.DisposeAsync();
        _freshdesk.Dispose();
    }

    [Fact]
    public async Task ReplyButton_AnswersWithTheReplyFormAndItsDraft()
    {
        var response = await _client.PostAsJsonAsync("/local/actions", new LocalActionRequest("ana", "ticket.reply", "42:INC-1"));

        var reply = (await response.Content.ReadFromJsonAsync<LocalReply>())!;
        var form = reply.Form!;
        (form.Kind, form.IncidentNumber, form.TicketId).Should().Be(("ticket-reply", (int?)1, (long?)42));
        form.Fields.Should().ContainSingle().Which.Value.Should().Be(ResolvedTicket.DraftByAna);
    }

    [Fact]
    public async Task ReplyForm_Empty_AnswersWithTheErrorForTheField()
    {
        var response = await _client.PostAsJsonAsync("/local/forms/ticket-reply", Reply("   "));

        var answer = (await response.Content.ReadFromJsonAsync<LocalFormReply>())!;
        answer.Errors.Should().Equal(new Dictionary<string, string> { ["reply"] = "Write the reply to the customer; an empty reply is not sent." });
        answer.Reply.Should().BeNull();
    }

    [Fact]
    public async Task ReplyForm_Submitted_ConfirmsToTheSender()
    {
        var response = await _client.PostAsJsonAsync("/local/forms/ticket-reply", Reply("Hello Priya, fixed."));

        var answer = (await response.Content.ReadFromJsonAsync<LocalFormReply>())!;
        answer.Errors.Should().BeEmpty();
        answer.Reply!.Text.Should().Be("Your reply to the customer of ticket #42 is on its way to Freshdesk. It is on the timelines of INC-1 and of the ticket.");
    }

    private static LocalFormRequest Reply(string text) => new("ana", new Dictionary<string, string?> { ["reply"] = text }, IncidentNumber: 1, TicketId: 42);
}
