using System.Net;
using Jivrus.IncidentBot.Bot.Links;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.FollowUp;

/// <summary><c>/incident postmortem</c> on the local page, and the signed link it answers with.</summary>
public sealed class PostmortemLinkTests : IAsyncLifetime
{
    private readonly PostmortemHost _host = new();

    public async Task InitializeAsync() => await _host.SayAsync("Priya", "/incident report DB down sev1 impact: checkout fails");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Postmortem_OnTheLocalPage_AnswersWithALinkOnThePublicBaseForSevenDays()
    {
        var reply = await _host.SayAsync("ana", "/incident postmortem INC-1");

        var (url, _) = PostmortemHost.LinkIn(reply);
        url.Should().MatchRegex(@"^https://incidentbot\.example\.com/ops/incidents/INC-1/postmortem\.md\?exp=1773028800&sig=[0-9a-f]{64}$");
        reply.Should().Be($"Post-mortem of INC-1 · DB down (Markdown): {url}\n"
            + "The link works until Mon 9 Mar 2026 09:30 (Asia/Kolkata) for anyone who has it; share it only with people who may read it.");
    }

    [Fact]
    public async Task Postmortem_OfAnIncidentThatDoesNotExist_SaysThereIsNone()
    {
        var reply = await _host.SayAsync("ana", "/incident postmortem INC-9");

        reply.Should().Be("There is no INC-9. /incident list shows the open incidents.");
    }

    [Fact]
    public async Task Postmortem_WithoutAnIdOutsideAnIncidentsChannel_AsksWhichIncident()
    {
        var reply = await _host.SayAsync("ana", "/incident postmortem");

        reply.Should().Be("Which incident? Name it, e.g. /incident postmortem INC-7 (the id may be left out only in an incident's own channel).");
    }

    [Fact]
    public async Task Link_Opened_ServesTheDocumentAsMarkdown()
    {
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/incident postmortem INC-1"));

        using var response = await _host.OpenAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/markdown; charset=utf-8");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var expected = (await _host.Desk.PostmortemAsync(null, 1))!.Markdown;
        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
        expected.Split('\n')[0].Should().Be("# Post-mortem of INC-1: DB down");
    }

    [Fact]
    public async Task Link_AfterSevenDays_Is403AndSaysItExpired()
    {
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/incident postmortem INC-1"));
        _host.Time.Advance(TimeSpan.FromDays(7));

        using var response = await _host.OpenAsync(link);

        await ShouldBeRefusedAsync(response, "This link expired at 2026-03-09 04:00 UTC; get a new one with /incident postmortem INC-1.");
    }

    [Fact]
    public async Task Link_WithItsSignatureChanged_Is403AndSaysItIsNotValid()
    {
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/incident postmortem INC-1"));
        var changed = link[..^1] + (link[^1] == '0' ? '1' : '0');

        using var response = await _host.OpenAsync(changed);

        await ShouldBeRefusedAsync(response, "This link is not valid: it was changed, cut short or made with another key; get a new one with /incident postmortem INC-1.");
    }

    [Fact]
    public async Task Link_WithItsExpiryMovedLater_Is403AndSaysItIsNotValid()
    {
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/incident postmortem INC-1"));

        using var response = await _host.OpenAsync(link.Replace("exp=1773028800", "exp=1799999999", StringComparison.Ordinal));

        await ShouldBeRefusedAsync(response, "This link is not valid: it was changed, cut short or made with another key; get a new one with /incident postmortem INC-1.");
    }

    [Fact]
    public async Task Link_OfOneIncidentUsedForAnother_Is403AndShowsNothingOfEither()
    {
        await _host.SayAsync("Priya", "/incident report Payroll export stuck sev3");
        var (_, link) = PostmortemHost.LinkIn(await _host.SayAsync("ana", "/incident postmortem INC-1"));

        using var response = await _host.OpenAsync(link.Replace("INC-1", "INC-2", StringComparison.Ordinal));

        await ShouldBeRefusedAsync(response, "This link is not valid: it was changed, cut short or made with another key; get a new one with /incident postmortem INC-2.");
    }

    [Theory]
    [InlineData("/incidents/INC-1/postmortem.md")]
    [InlineData("/incidents/INC-1/postmortem.md?exp=1773028800")]
    [InlineData("/incidents/INC-1/postmortem.md?sig=00")]
    public async Task Link_WithoutItsExpiryOrSignature_Is403AndSaysItIsIncomplete(string link)
    {
        using var response = await _host.OpenAsync(link);

        await ShouldBeRefusedAsync(response, "This link is incomplete: its expiry or its signature is missing; get a new one with /incident postmortem INC-1.");
    }

    [Fact]
    public async Task Link_SignedForAnIncidentThatDoesNotExist_Is404AndSaysThereIsNone()
    {
        var link = await _host.Services.GetRequiredService<SignedLinks>().CreateAsync("/incidents/INC-9/postmortem.md");

        using var response = await _host.OpenAsync(link.Url.PathAndQuery[("/ops".Length)..]);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Be("There is no such incident.");
    }

    [Fact]
    public async Task Link_MadeByAnotherReplicaWithTheSameConfiguredKey_IsServed()
    {
        const string key = "a-configured-signing-key-of-32-chars!";
        await using var one = new PostmortemHost(("Links:SigningKey", key));
        await using var two = new PostmortemHost(("Links:SigningKey", key));
        await two.SayAsync("Priya", "/incident report DB down sev1");
        var link = await one.Services.GetRequiredService<SignedLinks>().CreateAsync("/incidents/INC-1/postmortem.md");

        using var response = await two.OpenAsync(link.Url.PathAndQuery[("/ops".Length)..]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Link_AfterARestartOnTheSameSqliteDatabase_IsStillServed()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"postmortem-restart-{Guid.NewGuid():N}");
        (string, string)[] sqlite = [("Storage:Provider", "Sqlite"), ("Storage:DataFolder", folder)];
        try
        {
            string link;
            await using (var before = new PostmortemHost(sqlite))
            {
                await before.SayAsync("Priya", "/incident report DB down sev1");
                (_, link) = PostmortemHost.LinkIn(await before.SayAsync("ana", "/incident postmortem INC-1"));
            }

            await using var after = new PostmortemHost(sqlite);
            using var response = await after.OpenAsync(link);

            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string sentence)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Be(sentence);
    }
}
