using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Bot.Tests.Parity;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Tests.Cards;

/// <summary>Each form, as Slack, Teams and the local page render it, offers the same fields with the same labels in the same order.</summary>
public sealed class FormChannelParityTests
{
    private static readonly ResponsePlan Plan = PlanLoader.LoadFile(ParityPlan.Path);

    public static TheoryData<string> Kinds => new() { "report", "rca", "ticket-reply" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChannel_OffersTheSameFieldsAndLabelsInTheSameOrder(string kind)
    {
        var reply = Asked(kind);

        var slack = Slack(reply);
        var teams = Teams(reply);
        var local = Local(reply);

        var expected = kind switch
        {
            "report" => new[] { "title: Title", "severity: Severity", "impact: Customer impact", "description: Description", "private: Visibility" },
            "rca" => ["root_cause: Root cause", "factors: Contributing factors", "actions: Corrective actions with owners"],
            _ => ["reply: Reply to the customer"],
        };
        slack.Fields.Should().Equal(expected);
        teams.Fields.Should().Equal(expected);
        local.Fields.Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryChannel_ShowsTheSameTitleAndSubmitButton(string kind)
    {
        var reply = Asked(kind);

        var shown = new[] { Slack(reply), Teams(reply), Local(reply) }.Select(f => $"{f.Title} | {f.Submit}");

        var expected = kind switch
        {
            "report" => "Report an incident | Report incident",
            "rca" => "RCA of INC-7 | Submit RCA",
            _ => "Reply to ticket #42 | Send reply",
        };
        shown.Should().Equal(expected, expected, expected);
    }

    [Fact]
    public void ReportSeverity_OffersThePlansSeveritiesInEveryChannel()
    {
        var reply = Asked("report");

        var slack = Slack(reply).Node!["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == "severity")!["element"]!["options"]!.AsArray()
            .Select(o => (string?)o!["value"]);
        var teams = Teams(reply).Node!["body"]!.AsArray().Single(e => (string?)e!["id"] == "severity")!["choices"]!.AsArray()
            .Select(c => (string?)c!["value"]);
        var local = LocalReplies.From(reply, Plan).Form!.Fields.Single(f => f.Key == "severity").Choices.Select(c => c.Value);

        var ids = Plan.Severities.Select(s => s.Id).ToList();
        slack.Should().Equal(ids);
        teams.Should().Equal(ids);
        local.Should().Equal(ids);
    }

    private static TurnReply Asked(string kind) => new("", Form: kind switch
    {
        "report" => new FormRequest(FormKind.Report),
        "rca" => new FormRequest(FormKind.Rca, 7),
        _ => new FormRequest(FormKind.TicketReply, 7) { TicketId = 42, Draft = "Hello Priya," },
    });

    // Slack: the modal a turn's form request opens, as SlackForms opens it.
    private static Shown Slack(TurnReply reply)
    {
        var view = SlackModals.Render(Forms.For(reply.Form!, Plan)!, "C0INCIDENTS");
        var fields = view["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "input")
            .Select(b => $"{(string?)b!["block_id"]}: {(string?)b["label"]!["text"]}");
        return new Shown((string)view["title"]!["text"]!, (string)view["submit"]!["text"]!, [.. fields], view);
    }

    // Teams: the card the replier answers with.
    private static Shown Teams(TurnReply reply)
    {
        var card = AdaptiveFormRenderer.Render(Forms.For(reply.Form!, Plan)!);
        var body = card["body"]!.AsArray();
        var fields = body.Where(e => ((string?)e!["type"])!.StartsWith("Input.", StringComparison.Ordinal))
            .Select(e => $"{(string?)e!["id"]}: {(string?)e["label"]}");
        return new Shown((string)body[0]!["text"]!, (string)card["actions"]![0]!["title"]!, [.. fields], card);
    }

    // The local page: the form as the page's API sends it with the reply.
    private static Shown Local(TurnReply reply)
    {
        var form = LocalReplies.From(reply, Plan).Form!;
        return new Shown(form.Title, form.Submit, [.. form.Fields.Select(f => $"{f.Key}: {f.Label}")], null);
    }

    private sealed record Shown(string Title, string Submit, IReadOnlyList<string> Fields, JsonObject? Node);
}
