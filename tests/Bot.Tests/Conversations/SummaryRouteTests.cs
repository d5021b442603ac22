using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

public sealed class SummaryRouteTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SummaryWeek_ThroughTheTurnHandler_RepliesWithTheScheduledPostsText()
    {
        await using var host = NewHost();
        var desk = host.Services.GetRequiredService<Desk>();
        await desk.ReportAsync(Actor.Employee("local:eve", "Eve"), new IncidentReport("Printer on fire", "sev2"));
        _time.Advance(TimeSpan.FromHours(3));
        var expected = SummaryText.Render(await host.Services.GetRequiredService<SummaryReporter>().BuildAsync(ReportPeriod.Week));
        var turns = host.Services.GetRequiredService<TurnHandler>();

        var reply = await turns.HandleAsync(new InboundMessage(ChannelKind.Local, "dana", "Dana", "local:general", null, "/incident", "summary week"));

        reply.Text.Should().Be(expected);
        reply.Text.Should().StartWith("Weekly incident summary").And.Contain("INC-1 (sev2) open 3h");
    }

    private BotHost NewHost() => new("summary", _time);
}
