using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

public sealed class AdaptiveCardRendererTests
{
    private static readonly Card Sample = new(
        "INC-7 · Checkout is down",
        "Impact: everyone",
        [new CardField("Severity", "sev1 · Critical"), new CardField("Resolve by", "2030-01-02 03:04 UTC", new DateTimeOffset(2030, 1, 2, 3, 4, 0, TimeSpan.Zero))],
        [new CardButton("Acknowledge", ActionIds.Acknowledge, "INC-7", ButtonStyle.Primary)],
        "Reported …",
        CardTone.Critical);

    [Fact]
    public void Prompt_IsTheSentenceAsTextAndACardOfTheMessagesButtonsOnly()
    {
        var message = new OutgoingMessage("INC-7 needs its root-cause analysis.", Buttons:
            [new CardButton("Submit RCA", ActionIds.Rca, "INC-7", ButtonStyle.Primary), new CardButton("Waive RCA", ActionIds.Waive, "INC-7")]);

        var activity = AdaptiveCardRenderer.Message(message);

        ((string?)activity["text"]).Should().Be("INC-7 needs its root-cause analysis.");
        var card = activity["attachments"]![0]!["content"]!;
        card["body"]!.AsArray().Should().BeEmpty();
        card["actions"]!.AsArray().Select(a => $"{(string?)a!["title"]}|{(string?)a["data"]!["action"]}|{(string?)a["data"]!["incident"]}")
            .Should().Equal("Submit RCA|incident.rca|INC-7", "Waive RCA|incident.waive|INC-7");
    }

    [Fact]
    public void CardWhoseSummaryRepeatsTheSentence_ShowsTheSentenceOnce()
    {
        var message = new OutgoingMessage("Impact: everyone", Sample);

        var body = AdaptiveCardRenderer.Message(message)["attachments"]![0]!["content"]!["body"]!.AsArray();

        body.Select(b => $"{(string?)b!["type"]}:{(string?)b["text"]}").Should().Equal("TextBlock:INC-7 · Checkout is down", "FactSet:", "TextBlock:Reported …");
    }

    [Fact]
    public void TimeField_UsesTeamsDateAndTimeFunctions()
    {
        var card = AdaptiveCardRenderer.Card(Sample);

        card["body"]![2]!["facts"]![1]!["value"]!.GetValue<string>()
            .Should().Be("{{DATE(2030-01-02T03:04:00Z, SHORT)}} {{TIME(2030-01-02T03:04:00Z)}}");
    }

    [Fact]
    public void Button_IsAnActionSubmitCarryingTheActionIdAndIncident()
    {
        var button = AdaptiveCardRenderer.Card(Sample)["actions"]![0]!;

        button["type"]!.GetValue<string>().Should().Be("Action.Submit");
        button["data"]!["action"]!.GetValue<string>().Should().Be(ActionIds.Acknowledge);
        button["data"]!["incident"]!.GetValue<string>().Should().Be("INC-7");
    }

    [Fact]
    public void ExecuteVariant_AsksTeamsToRefreshTheCard()
    {
        var card = AdaptiveCardRenderer.Card(Sample, CardActions.Execute);

        card["refresh"]!["action"]!["verb"]!.GetValue<string>().Should().Be(AdaptiveCardRenderer.RefreshVerb);
        card["actions"]![0]!["verb"]!.GetValue<string>().Should().Be(ActionIds.Acknowledge);
    }

    [Fact]
    public void Card_DeclaresVersion15()
    {
        AdaptiveCardRenderer.Card(Sample)["version"]!.GetValue<string>().Should().Be("1.5");
    }
}
