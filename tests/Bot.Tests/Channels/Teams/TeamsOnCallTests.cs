namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>/oncall in Teams: the same words after the @mention.</summary>
public sealed class TeamsOnCallTests : IAsyncLifetime
{
    private readonly TeamsHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MentionOnCallOverrides_AnswersInTheConversation()
    {
        await _host.SendAsync(Activities.Mention("oncall overrides"));

        Replies().Should().Equal(
            "No on-call overrides are in force. Hand a shift to someone with /oncall override <rotation> <@person> <duration|until YYYY-MM-DD HH:mm>.");
    }

    [Fact]
    public async Task MentionOnCallCancel_OfNoSuchOverride_SaysHowToListThem()
    {
        await _host.SendAsync(Activities.Mention("oncall cancel 7"));

        Replies().Should().Equal("There is no on-call override #7 in force. /oncall overrides lists them.");
    }

    private List<string> Replies() =>
        _host.Fake.Accepted.Select(c => c.Text).ToList();
}
