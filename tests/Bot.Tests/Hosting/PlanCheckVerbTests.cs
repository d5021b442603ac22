using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

public sealed class PlanCheckVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-check-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private static string ShippedPlan => Path.Combine(AppContext.BaseDirectory, "plan.default.yaml");

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(new[] { "plan", "check" }, true)]
    [InlineData(new[] { "plan", "check", "plan.yaml" }, true)]
    [InlineData(new[] { "PLAN", "Check", "plan.yaml" }, true)]
    [InlineData(new[] { "plan" }, false)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    public void Matches_RecognisesOnlyThePlanCheckVerb(string[] args, bool expected)
    {
        var matches = PlanCheckVerb.Matches(args);

        matches.Should().Be(expected);
    }

    [Fact]
    public void Run_WithShippedPlan_PrintsSeverityTableAndReturnsZero()
    {
        var exitCode = PlanCheckVerb.Run(["plan", "check", ShippedPlan], _stdout, _stderr, NoChats);

        exitCode.Should().Be(0);
        _stderr.ToString().Should().BeEmpty();
        var lines = Lines(_stdout);
        lines.Should().Contain("Time zone:        Asia/Kolkata");
        lines.Should().Contain("Business hours:   Mon-Fri 09:00-18:00");
        lines.Should().ContainInOrder(
            "  id    name      acknowledge  update  resolve  clock          RCA               aliases",
            "  sev1  Critical  15m          30m     4h       calendar       required, due 5d  outage, down, breach, \"data loss\", emergency",
            "  sev2  High      30m          1h      8h       calendar       -                 major, degraded, broken, urgent",
            "  sev3  Medium    4h           8h      3d       businessHours  -                 impaired, intermittent, slow, workaround",
            "  sev4  Low       8h           1d      5d       businessHours  -                 cosmetic, typo, minor");
        lines.Should().Contain("Default severity: none (a report naming no severity needs triage, on sev1 clocks)");
    }

    [Fact]
    public void Run_WithShippedPlan_PrintsLadderWithResponderNames()
    {
        var exitCode = PlanCheckVerb.Run(["plan", "check", ShippedPlan], _stdout, _stderr, NoChats);

        exitCode.Should().Be(0);
        Lines(_stdout).Should().ContainInOrder(
            "  #  id          name                 responders                                 acknowledge",
            "  1  L1          Support on-call      rotation support, rotation support-backup  per severity",
            "  2  L2          Engineering on-call  Chen                                       per severity",
            "  3  management  Management           Dana                                       30m",
            "  repeatAtTop: 2");
    }

    [Fact]
    public void Run_WithShippedPlan_PrintsWhoIsOnForTheNextFourShiftsOfEachRotation()
    {
        var exitCode = PlanCheckVerb.Run(["plan", "check", ShippedPlan], _stdout, _stderr, NoChats, new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));

        exitCode.Should().Be(0);
        Lines(_stdout).SkipWhile(l => l != "Rotations (next four shifts):").Should().Equal(
            "Rotations (next four shifts):",
            "  support · Support on-call (primary): Ana, Ben in turn, 1w shifts, handoff Mon 09:00 Asia/Kolkata, from 2026-12-07",
            "    2026-12-07 Mon 09:00 - 2026-12-14 Mon 09:00  Ana",
            "    2026-12-14 Mon 09:00 - 2026-12-21 Mon 09:00  Ben",
            "    2026-12-21 Mon 09:00 - 2026-12-28 Mon 09:00  Ana",
            "    2026-12-28 Mon 09:00 - 2027-01-04 Mon 09:00  Ben",
            "  support-backup · Support on-call (backup): Ben, Ana in turn, 1w shifts, handoff Mon 09:00 Asia/Kolkata, from 2026-12-07",
            "    2026-12-07 Mon 09:00 - 2026-12-14 Mon 09:00  Ben",
            "    2026-12-14 Mon 09:00 - 2026-12-21 Mon 09:00  Ana",
            "    2026-12-21 Mon 09:00 - 2026-12-28 Mon 09:00  Ben",
            "    2026-12-28 Mon 09:00 - 2027-01-04 Mon 09:00  Ana",
            "");
    }

    [Fact]
    public void Run_WithInvalidPlan_PrintsEachErrorAndReturnsOne()
    {
        var path = Write("""
            timeZone: Nowhere/Atlantis
            severities:
              - { id: sev1, name: Critical, acknowledgeWithin: 15m, updateEvery: 30m, resolveWithin: 4h }
            escalation:
              levels:
                - { id: L1, name: Support, responders: [zed] }
            people: []
            """);

        var exitCode = PlanCheckVerb.Run(["plan", "check", path], _stdout, _stderr, NoChats);

        exitCode.Should().Be(1);
        _stdout.ToString().Should().BeEmpty();
        Lines(_stderr).Should().StartWith(
        [
            $"{path}:1: unknown time zone 'Nowhere/Atlantis' (use an IANA id such as Asia/Kolkata)",
            $"{path}:6: unknown person 'zed' in escalation level L1",
        ]);
    }

    [Fact]
    public void Run_WithMissingFile_ReportsFileNotFoundAndReturnsOne()
    {
        var path = Path.Combine(_folder, "absent.yaml");

        var exitCode = PlanCheckVerb.Run(["plan", "check", path], _stdout, _stderr, NoChats);

        exitCode.Should().Be(1);
        Lines(_stderr).Should().Contain($"{path}:0: file not found");
    }

    [Fact]
    public void Run_WithoutFile_PrintsUsageAndReturnsTwo()
    {
        var exitCode = PlanCheckVerb.Run(["plan", "check"], _stdout, _stderr, NoChats);

        exitCode.Should().Be(2);
        _stderr.ToString().Should().Contain("usage: plan check <plan.yaml>");
        _stdout.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Run_WithTwoFiles_PrintsUsageAndReturnsTwo()
    {
        var exitCode = PlanCheckVerb.Run(["plan", "check", ShippedPlan, "other.yaml"], _stdout, _stderr, NoChats);

        exitCode.Should().Be(2);
        _stderr.ToString().Should().Contain("usage: plan check");
    }

    private const string SlackOnlyManagement = """
        timeZone: Asia/Kolkata
        severities:
          - { id: sev1, name: Critical, acknowledgeWithin: 15m, updateEvery: 30m, resolveWithin: 4h }
        escalation:
          levels:
            - { id: L1, name: Support, responders: [ana] }
        people:
          - { id: ana, name: Ana, slack: U01ANA, teams: "29:ana" }
        channels:
          announce:   { slack: C0INCIDENTS, teams: "19:incidents@thread.tacv2" }
          management: { slack: C0MGMT }
        """;

    [Fact]
    public void Run_TeamsConfiguredAndManagementSlackOnly_WarnsThatTeamsGetsNoSummaries()
    {
        var path = Write(SlackOnlyManagement);

        var exitCode = PlanCheckVerb.Run(["plan", "check", path], _stdout, _stderr, Chats(("Teams:AppId", "app"), ("Teams:AppPassword", "secret")));

        exitCode.Should().Be(0);
        Lines(_stderr).Should().Equal(
            $"{path}: warning: channels.management has no Teams id (teams: \"19:...@thread.tacv2\"); Teams installs get no summaries or management escalations.",
            "");
        Lines(_stdout)[0].Should().Be($"{path}: the plan is valid.");
    }

    [Fact]
    public void Run_OnlySlackConfiguredAndManagementSlackOnly_WarnsNothing()
    {
        var path = Write(SlackOnlyManagement);

        var exitCode = PlanCheckVerb.Run(["plan", "check", path], _stdout, _stderr, Chats(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb")));

        exitCode.Should().Be(0);
        _stderr.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Run_NoChatConfigured_WarnsForEachChannelNamingOneChatOnly()
    {
        var path = Write(SlackOnlyManagement + "\n  support:    { teams: \"19:support@thread.tacv2\" }");

        var exitCode = PlanCheckVerb.Run(["plan", "check", path], _stdout, _stderr, NoChats);

        exitCode.Should().Be(0);
        Lines(_stderr).Should().Equal(
            $"{path}: warning: channels.management has no Teams id (teams: \"19:...@thread.tacv2\"); Teams installs get no summaries or management escalations.",
            $"{path}: warning: channels.support has no Slack id (slack: C...); Slack installs get no Freshdesk ticket reminders or escalations.",
            "");
    }

    [Fact]
    public void Run_BothChatsAndFreshdeskConfiguredWithMissingChannels_WarnsForEachChatAndChannel()
    {
        var path = Write(SlackOnlyManagement.Replace("  management: { slack: C0MGMT }", "", StringComparison.Ordinal));

        var exitCode = PlanCheckVerb.Run(["plan", "check", path], _stdout, _stderr, Chats(
            ("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb"), ("Teams:AppId", "app"), ("Teams:AppPassword", "secret"),
            ("Freshdesk:BaseUrl", "https://acme.freshdesk.com"), ("Freshdesk:ApiKey", "k"), ("Freshdesk:WebhookSecret", "w")));

        exitCode.Should().Be(0);
        Lines(_stderr).Should().Equal(
            $"{path}: warning: channels.management has no Slack id (slack: C...); Slack installs get no summaries or management escalations.",
            $"{path}: warning: channels.management has no Teams id (teams: \"19:...@thread.tacv2\"); Teams installs get no summaries or management escalations.",
            $"{path}: warning: channels.support has no Slack id (slack: C...); Slack installs get no Freshdesk ticket reminders or escalations.",
            $"{path}: warning: channels.support has no Teams id (teams: \"19:...@thread.tacv2\"); Teams installs get no Freshdesk ticket reminders or escalations.",
            "");
    }

    [Fact]
    public void Run_ShippedPlanWithBothChatsConfigured_WarnsNothing()
    {
        var exitCode = PlanCheckVerb.Run(["plan", "check", ShippedPlan], _stdout, _stderr, Chats(
            ("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb"), ("Teams:AppId", "app"), ("Teams:AppPassword", "secret"),
            ("Freshdesk:BaseUrl", "https://acme.freshdesk.com"), ("Freshdesk:ApiKey", "k"), ("Freshdesk:WebhookSecret", "w")));

        exitCode.Should().Be(0);
        _stderr.ToString().Should().BeEmpty();
    }

    private static IConfiguration NoChats => Chats();

    private static IConfiguration Chats(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "plan.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split(Environment.NewLine);
}
