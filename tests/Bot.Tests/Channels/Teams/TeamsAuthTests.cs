using System.Net;
using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

public sealed class TeamsAuthTests : IAsyncLifetime
{
    private readonly TeamsHost _host = new();
    private readonly JsonObject _report = Activities.Message("incident report Checkout is down sev2");

    [Fact]
    public async Task ValidToken_ProcessesTheMessageAndRepliesInTheConversation()
    {
        var response = await _host.SendAsync(_report);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.Desk.ShowAsync(1)).Incident!.Title.Should().Be("Checkout is down");
        _host.Fake.Accepted.Should().ContainSingle().Which.Path.Should().Be($"/amer/v3/conversations/{Activities.AnaChat}/activities/{_report["id"]}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OversizedBody_IsRefusedWith413AndNothingStored(bool lengthKnown)
    {
        var huge = Activities.Message("incident report Checkout is down sev2 " + new string('x', 300 * 1024));
        var bytes = System.Text.Encoding.UTF8.GetBytes(huge.ToJsonString());
        // Without a length the body arrives chunked, as a stream that is read until it ends.
        HttpContent content = lengthKnown ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _host.SendAsync(content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await _host.Desk.ShowAsync(1)).Incident.Should().BeNull();
    }

    [Fact]
    public Task WrongAudience_IsRefused() => RefusedAsync(new TokenSpec("11111111-2222-3333-4444-555555555555"), HttpStatusCode.Unauthorized);

    [Fact]
    public Task WrongIssuer_IsRefused() => RefusedAsync(new TokenSpec(TeamsHost.AppId, Issuer: "https://evil.example.com"), HttpStatusCode.Unauthorized);

    [Fact]
    public Task ExpiredToken_IsRefused() => RefusedAsync(new TokenSpec(TeamsHost.AppId, Shift: TimeSpan.FromMinutes(-45)), HttpStatusCode.Unauthorized);

    [Fact]
    public Task TokenSignedByAnotherKey_IsRefused() => RefusedAsync(new TokenSpec(TeamsHost.AppId, ForeignKey: true), HttpStatusCode.Unauthorized);

    [Fact]
    public Task ServiceUrlClaimOfAnotherService_IsRefused() =>
        RefusedAsync(new TokenSpec(TeamsHost.AppId, ServiceUrl: "https://smba.evil.example/"), HttpStatusCode.Forbidden);

    [Fact]
    public async Task ActivityOfAChannelTheKeyIsNotEndorsedFor_IsRefused()
    {
        var webchat = Activities.Message("incident report Checkout is down sev2");
        webchat["channelId"] = "webchat";

        var response = await _host.SendAsync(webchat, new TokenSpec(TeamsHost.AppId));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _host.Desk.ShowAsync(1)).Incident.Should().BeNull();
        _host.Fake.Calls.Should().BeEmpty();
    }

    [Fact]
    public Task MissingAuthorizationHeader_IsRefused() => RefusedAsync(null, HttpStatusCode.Unauthorized);

    [Fact]
    public async Task TokenWithinTheClockSkew_IsAccepted()
    {
        var response = await _host.SendAsync(_report, new TokenSpec(TeamsHost.AppId, Shift: TimeSpan.FromMinutes(-33)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TeamsOff_AnswersServiceUnavailableSayingWhichSettingsAreMissing()
    {
        await using var off = new TeamsHost(("Teams:AppPassword", ""));

        var response = await off.SendAsync(_report);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Teams:AppId and Teams:AppPassword");
    }

    private async Task RefusedAsync(TokenSpec? token, HttpStatusCode expected)
    {
        var response = await _host.SendAsync(_report, token);

        response.StatusCode.Should().Be(expected);
        (await _host.Desk.ShowAsync(1)).Incident.Should().BeNull();
        (await _host.Ledger.FindReferenceAsync("teams", Activities.AnaChat)).Should().BeNull();
        _host.Fake.Calls.Should().BeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
