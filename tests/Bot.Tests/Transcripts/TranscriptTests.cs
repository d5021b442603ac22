using Xunit.Abstractions;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// Golden transcripts: the scripted life of <see cref="IncidentLife"/> in each channel, every post, card update,
/// answer and form as one line, compared with slack.txt, teams.txt and local.txt beside this file. A post that
/// appears twice, goes missing or changes its words fails here with a diff (see README.md to regenerate).
/// </summary>
public sealed class TranscriptTests(ITestOutputHelper output)
{
    [Fact]
    public Task Slack_IncidentAndTicketLives_ShowExactlyTheCheckedInPosts() => VerifyAsync(new SlackTranscript(), "slack.txt");

    [Fact]
    public Task Teams_IncidentAndTicketLives_ShowExactlyTheCheckedInPosts() => VerifyAsync(new TeamsTranscript(), "teams.txt");

    [Fact]
    public Task LocalPage_IncidentAndTicketLives_ShowExactlyTheCheckedInPosts() => VerifyAsync(new LocalTranscript(), "local.txt");

    [Fact]
    public void Diff_ShowsRemovedAndAddedLinesWithContext()
    {
        var diff = GoldenFile.Diff(["a", "b", "c", "d"], ["a", "c", "c", "d", "e"]);

        diff.Should().Be("@@ -1,4 +1,5 @@\n a\n-b\n c\n+c\n d\n+e\n");
    }

    private async Task VerifyAsync(TranscriptChannel chat, string file)
    {
        await using (chat)
        {
            await IncidentLife.RunAsync(chat);
            var note = GoldenFile.Verify(file, chat.Transcript.Text());
            if (note is not null)
                output.WriteLine(note);
        }
    }
}
