using System.Net;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>Every way into the local chat page: its page, its API and its feed, through a proxy or from elsewhere.</summary>
public sealed class LocalChatLockdownTests
{
    private const string Proxied =
        "The local chat page does not answer requests that came through a proxy (Forwarded, X-Forwarded-For or X-Real-IP); open it on this machine, or set LocalChat:AllowRemote=true.";

    private const string Remote =
        "The local chat page answers only requests from this machine (set LocalChat:AllowRemote=true to change that).";

    private static readonly IPAddress ThisMachine = IPAddress.Loopback;

    public static TheoryData<string, string, string> ProxiedRequests()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var path in new[] { "/", "/local.js", "/local/people", "/local/posts", "/local/stream" })
        {
            data.Add(path, "X-Forwarded-For", "203.0.113.9");
            data.Add(path, "X-Real-IP", "203.0.113.9");
            data.Add(path, "Forwarded", "for=203.0.113.9;proto=https");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProxiedRequests))]
    public async Task Get_WithAForwardingHeader_IsRefusedWithOneSentence(string path, string header, string value)
    {
        await using var host = new LockdownHost(ThisMachine);

        var answer = await host.GetAsync(path, header, value);

        answer.Should().Be((HttpStatusCode.Forbidden, Proxied));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    public async Task PostMessage_WithAForwardingHeader_IsRefusedAndNothingIsDone(string header, string value)
    {
        await using var host = new LockdownHost(ThisMachine);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/local/messages")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new LocalMessageRequest("dana", "/incident report Printer on fire sev1", null)),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await host.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Be(Proxied);
        (await host.Desk.ShowAsync(1)).Incident.Should().BeNull();
    }

    [Fact]
    public async Task Get_ForwardedAsLoopbackByAKnownProxy_IsStillRefused()
    {
        await using var host = new LockdownHost(ThisMachine, ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"));

        var page = await host.GetAsync("/", "X-Forwarded-For", "127.0.0.1");
        var api = await host.GetAsync("/local/people", "X-Forwarded-For", "127.0.0.1");

        page.Should().Be((HttpStatusCode.Forbidden, Proxied));
        api.Should().Be((HttpStatusCode.Forbidden, Proxied));
        // The forwarded-headers middleware did take the proxy's word (and removed the header); the page still refused.
        host.Callers.Should().Equal(("/", ThisMachine, false), ("/local/people", ThisMachine, false));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/local/people")]
    [InlineData("/local/posts")]
    [InlineData("/local/stream")]
    public async Task Get_FromAnotherMachine_IsRefused(string path)
    {
        await using var host = new LockdownHost(IPAddress.Parse("203.0.113.9"));

        var answer = await host.GetAsync(path);

        answer.Should().Be((HttpStatusCode.Forbidden, Remote));
    }

    [Theory]
    [InlineData("/", "X-Forwarded-For")]
    [InlineData("/local/people", "Forwarded")]
    [InlineData("/local/posts", "X-Real-IP")]
    [InlineData("/local/stream", "X-Forwarded-For")]
    public async Task Get_WithAllowRemote_AnswersProxiedRequestsFromElsewhere(string path, string header)
    {
        await using var host = new LockdownHost(IPAddress.Parse("198.51.100.4"), ("LocalChat:AllowRemote", "true"));

        var answer = await host.GetAsync(path, header, "203.0.113.9");

        answer.Should().Be((HttpStatusCode.OK, ""));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/local/people")]
    [InlineData("/local/posts")]
    [InlineData("/local/stream")]
    public async Task Get_FromThisMachineWithoutProxy_IsAnswered(string path)
    {
        await using var host = new LockdownHost(ThisMachine);

        var answer = await host.GetAsync(path);

        answer.Should().Be((HttpStatusCode.OK, ""));
    }

    [Theory]
    [InlineData("slack", "/")]
    [InlineData("slack", "/local/people")]
    [InlineData("slack", "/local/posts")]
    [InlineData("slack", "/local/stream")]
    [InlineData("slack", "/local.js")]
    [InlineData("teams", "/")]
    [InlineData("teams", "/local/people")]
    [InlineData("teams", "/local/stream")]
    public async Task Get_WithARealChatConfigured_FindsNothing(string chat, string path)
    {
        await using var host = new LockdownHost(ThisMachine, chat == "slack" ? LockdownHost.Slack : LockdownHost.Teams);

        var answer = await host.GetAsync(path);

        answer.Should().Be((HttpStatusCode.NotFound, ""));
        host.Services.GetRequiredService<LocalChannelAdapter>().Enabled.Should().BeFalse();
    }

    [Fact]
    public async Task Get_WithSlackConfiguredAndEnabledTrue_AnswersThePage()
    {
        await using var host = new LockdownHost(ThisMachine, [.. LockdownHost.Slack, ("LocalChat:Enabled", "true")]);

        var page = await host.GetAsync("/");
        var api = await host.GetAsync("/local/people");

        page.Should().Be((HttpStatusCode.OK, ""));
        api.Should().Be((HttpStatusCode.OK, ""));
        host.Services.GetRequiredService<LocalChannelAdapter>().Enabled.Should().BeTrue();
    }

    [Fact]
    public async Task Get_WithNoChatAndEnabledFalse_FindsNothing()
    {
        await using var host = new LockdownHost(ThisMachine, ("LocalChat:Enabled", "false"));

        var page = await host.GetAsync("/");
        var api = await host.GetAsync("/local/posts");

        page.Should().Be((HttpStatusCode.NotFound, ""));
        api.Should().Be((HttpStatusCode.NotFound, ""));
        host.Services.GetRequiredService<LocalChannelAdapter>().Enabled.Should().BeFalse();
    }

    [Fact]
    public async Task ForwardedFor_FromAConfiguredProxy_GivesTheRealEndpointsTheCallersAddress()
    {
        await using var host = new LockdownHost(IPAddress.Parse("10.0.0.5"), ("ForwardedHeaders:KnownProxies", "10.0.0.5"));

        await host.GetAsync("/healthz", "X-Forwarded-For", "203.0.113.9");

        host.Callers.Should().Equal(("/healthz", IPAddress.Parse("203.0.113.9"), false));
    }

    [Fact]
    public async Task ForwardedFor_FromAProxyOutsideTheKnownNetworks_IsIgnored()
    {
        await using var host = new LockdownHost(IPAddress.Parse("10.0.0.5"), ("ForwardedHeaders:KnownNetworks:0", "192.168.0.0/16"));

        await host.GetAsync("/healthz", "X-Forwarded-For", "203.0.113.9");

        host.Callers.Should().Equal(("/healthz", IPAddress.Parse("10.0.0.5"), true));
    }
}
