using Xunit.Abstractions;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// Golden transcripts: the scripted life of <see cref="IncidentLife"/> in each channel, every post, card update,
/// answer and form as one line, compared with slack.txt, teams.txt and local.txt beside this file. A post that
/// appears twice, goes missing or changes its words fails here with a diff (see README.md to regenerate). Each run
/// also compares the channel-neutral messages the chat was asked to render with messages.txt, one file for all three.
/// </summary>
public sealed class TranscriptTests(ITestOutputHelper output)
{
    /// <summary>What every channel was asked to render, shared by all three: the channels differ only in how they show it.</summary>
    private const string Messages = "messages.txt";

    [Fact]
    public Task Slack_IncidentAndTicketLives_ShowExactlyTheCheckedInPosts() => VerifyAsync(new SlackTranscript(), "slack.txt");

    [Fact]
    public Task Teams_IncidentAndTicketLives_ShowExactlyTheCheckedInPosts() => VerifyAsync(new TeamsTranscript(), "teams.txt");

    [Fact]
    public Task LocalPage_IncidentAndTicketLives_ShowExactlyTheCheckedInPosts() => VerifyAsync(new LocalTranscript(), "local.txt");

    [Fact]
    public Task Slack_PrivateIncidentAndDrill_ShowExactlyTheCheckedInPosts() => VerifyPrivateAndDrillAsync(new SlackTranscript(), "private-drill.slack.txt");

    [Fact]
    public Task Teams_PrivateIncidentAndDrill_ShowExactlyTheCheckedInPosts() => VerifyPrivateAndDrillAsync(new TeamsTranscript(), "private-drill.teams.txt");

    [Fact]
    public Task LocalPage_PrivateIncidentAndDrill_ShowExactlyTheCheckedInPosts() => VerifyPrivateAndDrillAsync(new LocalTranscript(), "private-drill.local.txt");

    [Fact]
    public void Diff_ShowsRemovedAndAddedLinesWithContext()
    {
        var diff = GoldenFile.Diff(["a", "b", "c", "d"], ["a", "c", "c", "d", "e"]);

        diff.Should().Be("@@ -1,4 +1,5 @@\n a\n-b\n c\n+c\n d\n+e\n");
    }

    private Task VerifyAsync(TranscriptChannel chat, string file) => VerifyAsync(chat, IncidentLife.RunAsync, Messages, file);

    private Task VerifyPrivateAndDrillAsync(TranscriptChannel chat, string file) =>
        VerifyAsync(chat, PrivateAndDrillLife.RunAsync, "private-drill.messages.txt", file);

    private async Task VerifyAsync(TranscriptChannel chat, Func<TranscriptChannel, Task> script, string messages, string file)
    {
        await using (chat)
        {
            await script(chat);
            // The neutral messages first: a channel that was given different content fails here, whatever it showed.
            foreach (var note in new[] { GoldenFile.Verify(messages, chat.Messages.Text()), GoldenFile.Verify(file, chat.Transcript.Text()) })
            {
                if (note is not null)
                    output.WriteLine(note);
            }
        }
    }
}
