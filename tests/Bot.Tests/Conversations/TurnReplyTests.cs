using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

public sealed class TurnReplyTests
{
    [Fact]
    public void RenderedReply_BuildsItsCardOnlyWhenRead_AndOnce()
    {
        var renders = 0;
        var reply = TurnReply.Rendered("INC-1 acknowledged.", () =>
        {
            renders++;
            return new Card("INC-1 · Checkout is down", null, [], []);
        }, confirmsChange: true);

        reply.HasCard.Should().BeTrue();
        reply.ConfirmsChange.Should().BeTrue();
        renders.Should().Be(0);

        reply.Card!.Title.Should().Be("INC-1 · Checkout is down");
        _ = reply.Card;
        renders.Should().Be(1);
    }

    [Fact]
    public void CopyWithAForm_KeepsTheCard()
    {
        var reply = TurnReply.Rendered("INC-1 resolved.", () => new Card("INC-1", null, [], []), confirmsChange: true);

        var copy = reply with { Form = new FormRequest(FormKind.Rca, 1) };

        copy.HasCard.Should().BeTrue();
        copy.Card!.Title.Should().Be("INC-1");
        copy.Form!.IncidentNumber.Should().Be(1);
    }

    [Fact]
    public void PlainReply_HasNoCard()
    {
        var reply = TurnReply.Say("help text");

        reply.HasCard.Should().BeFalse();
        reply.Card.Should().BeNull();
        reply.ConfirmsChange.Should().BeFalse();
    }
}
