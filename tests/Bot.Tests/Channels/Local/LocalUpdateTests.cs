using System.Net.Http.Json;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>Updates typed in the incident's own conversation, with the id left out, on the shipped plan (Asia/Kolkata).</summary>
public sealed class LocalUpdateTests : IAsyncLifetime
{
    // Monday 7 December 2026, 10:00 in Kolkata.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 4, 30, 0, TimeSpan.Zero));
    private readonly LocalHost _host;
    private HttpClient _client = null!;

    public LocalUpdateTests() => _host = new LocalHost(clock: _clock);

    public async Task InitializeAsync()
    {
        _client = _host.CreateClient();
        await SayAsync("Priya", "/incident report Checkout down sev1");
        await _host.FlushOutboxAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UpdateWithOnlyAnEta_InTheIncidentsPlace_IsPosted()
    {
        var reply = await SayAsync("ana", "/incident update eta 2h", "#inc-1");

        reply.Text.Should().Be("Update on INC-1 from Ana: ETA 12:00 (Asia/Kolkata).");
    }

    [Fact]
    public async Task UpdateWithEtaAsTimeOfDay_IsTheNextSuchTimeInThePlanZone()
    {
        var reply = await SayAsync("ana", "/incident update failing over to the standby eta 17:30", "#inc-1");

        reply.Text.Should().Be("Update on INC-1 from Ana: failing over to the standby. ETA 17:30 (Asia/Kolkata).");
    }

    [Fact]
    public async Task UpdateWithPromiseInWords_EndsTheTextBeforeThePromise()
    {
        var reply = await SayAsync("ana", "/incident update Rolled back release next 1 hour", "#inc-1");

        reply.Text.Should().Be("Update on INC-1 from Ana: Rolled back release. Next update in 1h.");
    }

    [Fact]
    public async Task UpdateWithBareNumber_IsRefusedWithTheAcceptedForms()
    {
        var reply = await SayAsync("ana", "/incident update Rolled back release next 45", "#inc-1");

        reply.Text.Should().Be("'45' after 'next' is not a time I can read; write a number and a unit "
            + "(next 45m, next 45 minutes, next 1h, next 2 hours, eta 2h) or, after eta, a time of day (eta 17:30).");
    }

    private async Task<LocalReply> SayAsync(string user, string text, string? conversation = null)
    {
        var response = await _client.PostAsJsonAsync("/local/messages", new LocalMessageRequest(user, text, conversation));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalReply>())!;
    }
}
