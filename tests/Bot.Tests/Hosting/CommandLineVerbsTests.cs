using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

public sealed class CommandLineVerbsTests
{
    private const string RootHelp = """
        Jivrus IncidentBot: incident SLA response in Slack, Microsoft Teams and a local chat page.

        Usage:
          incidentbot [command] [host settings]

        Commands and options:
          serve                    Start the bot (what runs when no command is given).
          plan check <plan.yaml>   Check a response plan file without starting the bot.
          teams package [options]  Write the Teams app package (manifest.json and icons) for upload in Teams.
          version                  Print the version of IncidentBot.
          -h, --help               Show this help; after a command, that command's help.
          --version                Print the version of IncidentBot.

        Host settings:
          Anything else goes to the host as ASP.NET Core reads it, e.g. --urls http://0.0.0.0:5080,
          --Storage:Provider=Postgres or --ResponsePlan:Path /etc/incidentbot/plan.yaml.

        """;

    private static string ShippedPlan => Path.Combine(AppContext.BaseDirectory, "plan.default.yaml");

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_PrintsUsageWithoutServing(string option)
    {
        var commandLine = CommandLineVerbs.Parse([option]);

        commandLine.HostArguments.Should().BeNull();
        var (code, stdout, stderr) = Run(commandLine);
        code.Should().Be(0);
        stdout.Should().Be(Text(RootHelp));
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void Help_AfterHostSettings_StillPrintsUsageWithoutServing()
    {
        var commandLine = CommandLineVerbs.Parse(["--urls", "http://127.0.0.1:5999", "--help"]);

        commandLine.HostArguments.Should().BeNull();
        Run(commandLine).Stdout.Should().Be(Text(RootHelp));
    }

    [Fact]
    public void ServeHelp_PrintsServeUsage()
    {
        var (code, stdout, _) = Run(CommandLineVerbs.Parse(["serve", "--help"]));

        code.Should().Be(0);
        stdout.Should().Be(Text("""
            Start the bot (what runs when no command is given).

            Usage:
              incidentbot serve [host settings]

            Options:
              -h, --help  Show this help.

            Host settings:
              Anything else goes to the host as ASP.NET Core reads it, e.g. --urls http://0.0.0.0:5080,
              --Storage:Provider=Postgres or --ResponsePlan:Path /etc/incidentbot/plan.yaml.

            """));
    }

    [Theory]
    [InlineData("version")]
    [InlineData("--version")]
    public void Version_PrintsTheInformationalVersion(string verb)
    {
        var (code, stdout, stderr) = Run(CommandLineVerbs.Parse([verb]));

        code.Should().Be(0);
        stdout.Should().Be(CommandLineVerbs.ProductVersion + Environment.NewLine);
        stderr.Should().BeEmpty();
        CommandLineVerbs.ProductVersion.Should().StartWith(typeof(CommandLineVerbs).Assembly.GetName().Version!.ToString(3));
    }

    [Fact]
    public void UnknownVerb_SaysSoInOneSentenceWithExitCodeTwo()
    {
        var commandLine = CommandLineVerbs.Parse(["frobnicate", "--urls", "http://127.0.0.1:5999"]);

        commandLine.HostArguments.Should().BeNull();
        var (code, stdout, stderr) = Run(commandLine);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("'frobnicate' is not an IncidentBot command; run 'incidentbot --help' to see the commands." + Environment.NewLine);
    }

    [Fact]
    public void GroupWithoutItsCommand_NamesTheHelpToReadWithExitCodeTwo()
    {
        var (code, _, stderr) = Run(CommandLineVerbs.Parse(["plan"]));

        code.Should().Be(2);
        stderr.Should().Be("Required command was not provided. Run 'incidentbot plan --help' for its usage." + Environment.NewLine);
    }

    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5999", "--Storage:Provider=InMemory", "--ResponsePlan:Path", "x.yaml" },
        new[] { "--urls", "http://127.0.0.1:5999", "--Storage:Provider=InMemory", "--ResponsePlan:Path", "x.yaml" })]
    [InlineData(new[] { "serve", "--urls", "http://127.0.0.1:5999", "--ResponsePlan:Path", "x.yaml" },
        new[] { "--urls", "http://127.0.0.1:5999", "--ResponsePlan:Path", "x.yaml" })]
    [InlineData(new[] { "Serve" }, new string[0])]
    [InlineData(new[] { "--contentRoot=/srv/bot", "--environment=Development" }, new[] { "--contentRoot=/srv/bot", "--environment=Development" })]
    public void ServeOrNoVerb_PassesHostSettingsThroughUntouched(string[] args, string[] expected)
    {
        var commandLine = CommandLineVerbs.Parse(args);

        commandLine.HostArguments.Should().Equal(expected);
    }

    [Fact]
    public void PlanCheck_WithShippedPlan_PrintsWhatTheVerbPrints()
    {
        using var verbOut = new StringWriter();
        using var verbErr = new StringWriter();
        var direct = PlanCheckVerb.Run(["plan", "check", ShippedPlan], verbOut, verbErr, PlanCheckVerb.HostConfiguration([]));

        var (code, stdout, stderr) = Run(CommandLineVerbs.Parse(["plan", "check", ShippedPlan]));

        code.Should().Be(0);
        direct.Should().Be(0);
        stdout.Should().Be(verbOut.ToString());
        stdout.Should().StartWith($"{ShippedPlan}: the plan is valid.{Environment.NewLine}");
        stderr.Should().Be(verbErr.ToString());
    }

    [Fact]
    public void PlanCheck_WithoutFile_PrintsTheVerbUsage()
    {
        var (code, _, stderr) = Run(CommandLineVerbs.Parse(["PLAN", "Check"]));

        code.Should().Be(2);
        stderr.Should().Be("usage: plan check <plan.yaml>" + Environment.NewLine);
    }

    [Fact]
    public void TeamsPackage_WithoutAppId_PrintsTheVerbUsage()
    {
        var (code, stdout, stderr) = Run(CommandLineVerbs.Parse(["teams", "package", "--host", "bot.example.com"]));

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("usage: teams package --app-id <Microsoft App ID> --host <public host, e.g. bot.example.com> [--out incidentbot-teams.zip] [--version 1.0.0] [--manifest-dir manifest/teams]" + Environment.NewLine);
    }

    private static string Text(string raw) => raw.ReplaceLineEndings(Environment.NewLine);

    private static (int Code, string Stdout, string Stderr) Run(CommandLineVerbs commandLine)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = commandLine.Run(stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
