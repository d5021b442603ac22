using Jivrus.IncidentBot.Bot.Channels.Teams;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

public sealed class TeamsMessageTextTests
{
    private static Activity Said(string text, bool withEntity = true) => new()
    {
        Text = text,
        Recipient = new ChannelAccount("28:bot"),
        Entities = withEntity ? [new MentionEntity("mention", new ChannelAccount("28:bot"), "<at>IncidentBot</at>")] : null,
    };

    [Fact]
    public void BotMention_IsRemovedAndOtherMentionsKept()
    {
        var line = TeamsMessageText.CommandLine(Said("<at>IncidentBot</at> incident assign INC-7 <at>Ana</at>"));

        line.Should().Be("incident assign INC-7 <at>Ana</at>");
    }

    [Fact]
    public void LeadingMentionWithoutEntity_IsRemoved()
    {
        TeamsMessageText.CommandLine(Said("<at>Bot</at>&nbsp;incident ack 7", withEntity: false)).Should().Be("incident ack 7");
    }

    [Fact]
    public void Markup_IsRemovedAndEntitiesDecoded()
    {
        TeamsMessageText.CommandLine(Said("<p><at>IncidentBot</at> incident update 7 db &amp; cache back</p>")).Should().Be("incident update 7 db & cache back");
    }
}
