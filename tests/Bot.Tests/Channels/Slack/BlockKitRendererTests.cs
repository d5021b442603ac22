using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class BlockKitRendererTests
{
    [Fact]
    public void Prompt_IsTheSentenceWithTheMessagesButtonsUnderIt()
    {
        var message = new OutgoingMessage("An update on INC-7 is due.", Buttons:
            [new CardButton("Post update", ActionIds.Update, "INC-7", ButtonStyle.Primary), new CardButton("Snooze 1h", ActionIds.Snooze, "INC-7:1h")]);

        var blocks = BlockKitRenderer.Message(message)!;

        blocks.Select(b => (string?)b!["type"]).Should().Equal("section", "actions");
        ((string?)blocks[0]!["text"]!["text"]).Should().Be("An update on INC-7 is due.");
        blocks[1]!["elements"]!.AsArray().Select(e => $"{(string?)e!["action_id"]} {(string?)e["value"]}").Should().Equal("incident.update INC-7", "incident.snooze INC-7:1h");
    }

    [Fact]
    public void PlainSentence_HasNoBlocks()
    {
        BlockKitRenderer.Message(new OutgoingMessage("Chen acknowledged INC-7.")).Should().BeNull();
    }

    [Fact]
    public void LongTitle_IsCutToTheHeaderLimit()
    {
        var blocks = BlockKitRenderer.Card(new Card(new string('a', 400), null, [], []));

        blocks[0]!["text"]!["text"]!.GetValue<string>().Length.Should().BeLessThanOrEqualTo(150);
    }

    [Fact]
    public void ManyFields_AreSplitIntoSectionsOfAtMostTen()
    {
        var fields = Enumerable.Range(1, 23).Select(i => new CardField($"F{i}", new string('v', 3000))).ToList();

        var blocks = BlockKitRenderer.Card(new Card("t", null, fields, []));

        var sections = blocks.Where(b => b!["fields"] is not null).ToList();
        sections.Should().HaveCount(3);
        sections.Should().OnlyContain(s => s!["fields"]!.AsArray().Count <= 10);
        sections.SelectMany(s => s!["fields"]!.AsArray()).Should().OnlyContain(f => f!["text"]!.GetValue<string>().Length <= 2000);
    }

    [Fact]
    public void TimeField_IsADateTokenWithItsFallback()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var blocks = BlockKitRenderer.Card(new Card("t", null, [new CardField("Resolve by", "2023-11-14 22:13 UTC", at)], []));

        blocks[1]!["fields"]![0]!["text"]!.GetValue<string>().Should().Contain("<!date^1700000000^{date_short_pretty} {time}|2023-11-14 22:13 UTC>");
    }

    [Fact]
    public void ButtonWithConfirm_AsksBeforeActing()
    {
        var button = new CardButton("Resolve", ActionIds.Resolve, "INC-3", ButtonStyle.Danger, "Mark INC-3 as resolved?");

        var blocks = BlockKitRenderer.Card(new Card("t", null, [], [button]));

        var element = blocks[1]!["elements"]![0]!;
        element["action_id"]!.GetValue<string>().Should().Be("incident.resolve");
        element["value"]!.GetValue<string>().Should().Be("INC-3");
        element["style"]!.GetValue<string>().Should().Be("danger");
        element["confirm"]!["text"]!["text"]!.GetValue<string>().Should().Be("Mark INC-3 as resolved?");
    }

    [Fact]
    public void SecondPrimaryButton_IsShownPlain()
    {
        CardButton[] buttons = [new("A", ActionIds.Close, "INC-1", ButtonStyle.Primary), new("B", ActionIds.Rca, "INC-1", ButtonStyle.Primary)];

        var elements = BlockKitRenderer.Card(new Card("t", null, [], buttons))[1]!["elements"]!.AsArray();

        elements.Count(e => e!["style"]?.GetValue<string>() == "primary").Should().Be(1);
    }

    [Fact]
    public void UserText_IsEscapedForMrkdwn()
    {
        var blocks = BlockKitRenderer.Card(new Card("t", "<!channel> & co", [], []));

        blocks[1]!["text"]!["text"]!.GetValue<string>().Should().Be("&lt;!channel&gt; &amp; co");
    }
}
