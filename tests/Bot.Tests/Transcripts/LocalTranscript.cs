using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// The local chat page through its own endpoints: lines typed in #incidents (<c>POST /local/messages</c>), buttons
/// pressed (<c>POST /local/actions</c>); the answer shown to the person, and every post of the page's feed.
/// </summary>
internal sealed class LocalTranscript : TranscriptChannel
{
    private readonly TimedHost _host;
    private LocalForm? _form;
    private string _formWhere = LocalConversations.Announce;
    private long _seen;

    public LocalTranscript() => _host = new TimedHost(Clock, Settings);

    protected override IServiceProvider Services => _host.Services;

    protected override IReadOnlyList<DeliveryRequest> Deliveries => _host.Posts.Deliveries;

    protected override HttpClient CreateClient() => _host.CreateClient();

    public override async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Freshdesk.Dispose();
    }

    protected override Task SayCoreAsync(string person, string line, Where where) =>
        AnswerAsync("/local/messages", new LocalMessageRequest(person, line, ConversationOf(where)), ConversationOf(where));

    protected override Task PressCoreAsync(string person, string actionId, string value, Where on) =>
        AnswerAsync("/local/actions", new LocalActionRequest(person, actionId, value, ConversationOf(on)), ConversationOf(on));

    /// <summary>The page posts a filled-in RCA form to its own endpoint, from where the form was shown.</summary>
    protected override Task SubmitRcaCoreAsync(string person, string rootCause, string actions)
    {
        var form = _form is { IncidentNumber: not null } opened ? opened : throw new InvalidOperationException("No RCA form was opened to submit.");
        var values = new Dictionary<string, string?> { ["root_cause"] = rootCause, ["actions"] = actions };
        return SubmitFormAsync(form, new LocalFormRequest(person, values, _formWhere, form.IncidentNumber));
    }

    /// <summary>The page posts a filled-in customer reply form to its own endpoint.</summary>
    protected override Task SubmitTicketReplyCoreAsync(string person, string added)
    {
        var form = _form is { TicketId: not null, IncidentNumber: not null } opened ? opened : throw new InvalidOperationException("No reply form was opened to submit.");
        var draft = form.Fields.Single(f => f.Key == "reply").Value;
        var values = new Dictionary<string, string?> { ["reply"] = EditDraft(draft, added) };
        return SubmitFormAsync(form, new LocalFormRequest(person, values, _formWhere, form.IncidentNumber, form.TicketId));
    }

    private async Task SubmitFormAsync(LocalForm form, LocalFormRequest request)
    {
        using var client = CreateClient();
        using var response = await Settle(client.PostAsJsonAsync($"/local/forms/{form.Kind}", request));
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<LocalFormReply>() ?? throw new InvalidOperationException("The page got no answer.");
        if (answer.Errors.Count > 0)
            Transcript.Add(_formWhere, "answer", TranscriptText.Join(answer.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}")));
        if (answer.Reply is { } reply)
            Show(_formWhere, "answer", reply.Text, reply.Card);
    }

    protected override void RecordPosts()
    {
        foreach (var post in Services.GetRequiredService<LocalFeed>().After(_seen))
        {
            _seen = post.Id;
            var kind = post.Kind switch
            {
                LocalPostKind.Update => "update",
                LocalPostKind.Card => post.Conversation.StartsWith("DM ", StringComparison.Ordinal) ? "page" : "card",
                _ => "post",
            };
            if (kind == "update" && post.Card is { } card)
            {
                // The page swaps every copy of the incident's card in place; the sentence only reaches screen readers.
                var (text, buttons) = TranscriptText.LocalCard(card);
                Transcript.Add($"(all INC-{post.IncidentNumber} cards)", kind, text, buttons);
                continue;
            }

            Show(post.Conversation, kind, post.Text, post.Card, post.Buttons);
        }
    }

    private async Task AnswerAsync<T>(string path, T request, string where)
    {
        using var client = CreateClient();
        using var response = await Settle(client.PostAsJsonAsync(path, request));
        response.EnsureSuccessStatusCode();
        var reply = await response.Content.ReadFromJsonAsync<LocalReply>() ?? throw new InvalidOperationException("The page got no answer.");
        Show(where, "answer", reply.Text, reply.Card);
        if (reply.Form is { } form)
        {
            _form = form;
            _formWhere = where;
            // As Slack's modal is written: title, intro, each field by its label (with what it opens with), the submit button.
            var fields = form.Fields.Select(f => $"field: {f.Label}{(f.Value is { Length: > 0 } value ? $": {value}" : "")}");
            Transcript.Add(where, "form", TranscriptText.Join([form.Title, form.Intro, .. fields, $"submit: {form.Submit}"]));
        }
    }

    private void Show(string conversation, string kind, string text, LocalCard? card, IReadOnlyList<LocalCardButton>? prompt = null)
    {
        if (card is null)
        {
            // A prompt: its buttons stand right under the sentence.
            Transcript.Add(conversation, kind, TranscriptText.Line(text), prompt?.Select(b => new TranscriptButton(b.Text, b.ActionId)));
            return;
        }

        var (shown, buttons) = TranscriptText.LocalCard(card);
        Transcript.Add(conversation, kind, TranscriptText.Join([text, shown]), buttons);
    }

    private static string ConversationOf(Where where) => where.Kind switch
    {
        "announce" => LocalConversations.Announce,
        "support" => LocalConversations.Support,
        "direct" => $"DM {char.ToUpperInvariant(where.Key![0])}{where.Key[1..]}",
        _ => throw new ArgumentException($"No local conversation for {where}.", nameof(where)),
    };
}
