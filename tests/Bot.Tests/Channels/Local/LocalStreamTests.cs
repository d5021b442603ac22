using System.Text.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

public sealed class LocalStreamTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly LocalHost _host = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Stream_DeliversAPostMadeAfterTheSubscription()
    {
        using var events = await OpenAsync("/local/stream");
        (await events.NextAsync(_timeout.Token)).Event.Should().Be("ready");

        _host.Feed.Add("#inc-3", "INC-3 was acknowledged by Ana.", null, 3, LocalPostKind.Message);

        var (_, id, data) = await events.NextAsync(_timeout.Token);
        var post = JsonSerializer.Deserialize<LocalPost>(data, Web)!;
        post.Should().BeEquivalentTo(new { Conversation = "#inc-3", Text = "INC-3 was acknowledged by Ana.", IncidentNumber = 3, Kind = "message" });
        id.Should().Be(post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Stream_WithLastEventId_ReplaysOnlyTheMissedPosts()
    {
        var seen = _host.Feed.Add("#incidents", "seen", null, null, LocalPostKind.Message);
        _host.Feed.Add("#incidents", "missed", null, null, LocalPostKind.Message);

        using var events = await OpenAsync("/local/stream?after=0", lastEventId: seen.Id);
        await events.NextAsync(_timeout.Token);

        var (_, _, data) = await events.NextAsync(_timeout.Token);
        JsonSerializer.Deserialize<LocalPost>(data, Web)!.Text.Should().Be("missed");
    }

    [Fact]
    public async Task Report_ReachesTheStreamThroughTheAdapter()
    {
        using var events = await OpenAsync("/local/stream");
        await events.NextAsync(_timeout.Token);
        using var client = _host.CreateClient();
        var sent = await client.PostAsync("/local/messages", JsonContent("""{"user":"ana","text":"/incident report DB down sev2"}"""));
        sent.EnsureSuccessStatusCode();

        await _host.FlushOutboxAsync();

        // Conversations are delivered in parallel, so the announce post is not necessarily the first.
        LocalPost post;
        do
            post = JsonSerializer.Deserialize<LocalPost>((await events.NextAsync(_timeout.Token)).Data, Web)!;
        while (post.Conversation != "#incidents");
        post.Card!.Title.Should().Be("INC-1 · DB down");
    }

    private async Task<SseReader> OpenAsync(string url, long? lastEventId = null)
    {
        var client = _host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is { } id)
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _timeout.Token);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        return new SseReader(client, response, await response.Content.ReadAsStreamAsync(_timeout.Token));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
