using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Jivrus.IncidentBot.Bot.Channels.Teams;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// The command line: <c>serve</c> (also what runs with no verb), <c>plan check</c>, <c>teams package</c>,
/// <c>version</c> and <c>--help</c>. Anything that does not start with a verb belongs to the host
/// (<c>--urls</c>, <c>--Storage:Provider=InMemory</c>, <c>--ResponsePlan:Path plan.yaml</c>), so the parser leaves
/// unknown options alone instead of refusing them; only a bare word that is no verb is refused.
/// The server is not started from inside the parser: the caller builds the host itself, which keeps the
/// entry point the one functional tests drive through WebApplicationFactory.
/// </summary>
internal sealed class CommandLineVerbs
{
    public const int UsageError = 2;
    private const string Name = "incidentbot";
    private static readonly string[] Verbs = ["serve", "plan", "check", "teams", "package", "version"];

    private readonly Command _root = new(Name, "Jivrus IncidentBot: incident SLA response in Slack, Microsoft Teams and a local chat page.");
    private readonly Command _serve = new("serve", "Start the bot (what runs when no command is given).");
    private readonly string[] _args;
    private readonly ParseResult _result;

    private CommandLineVerbs(string[] args)
    {
        _args = Normalised(args);
        var help = new HelpOption();
        if (help.Action is HelpAction standard)
        {
            standard.MaxWidth = 110;
            help.Action = new ServingHelp(this, standard);
        }
        _root.Options.Add(help);
        _root.Options.Add(new VersionOption { Action = new PrintVersion() });
        _root.TreatUnmatchedTokensAsErrors = false;
        _root.SetAction(_ => 0);
        _serve.TreatUnmatchedTokensAsErrors = false;
        _serve.Action = _root.Action;
        _root.Subcommands.Add(_serve);
        _root.Subcommands.Add(PlanCommand(args));
        _root.Subcommands.Add(TeamsCommand(args));
        var version = new Command("version", "Print the version of IncidentBot.");
        version.Action = new PrintVersion();
        _root.Subcommands.Add(version);
        _result = _root.Parse(_args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>The version the build was stamped with (assembly informational version).</summary>
    public static string ProductVersion { get; } = typeof(CommandLineVerbs).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>The arguments for the host when the command line asks to serve; null when a verb, help or an error runs instead.</summary>
    public string[]? HostArguments => !ReferenceEquals(_result.Action, _root.Action) || IsUnknownVerb ? null
        : _result.CommandResult.Command == _serve ? _args[1..] : _args;

    private bool IsUnknownVerb => _result.CommandResult.Command == _root && _args.Length > 0 && !_args[0].StartsWith('-');

    public static CommandLineVerbs Parse(string[] args) => new(args);

    /// <summary>Runs what the command line asked for other than serving; returns the exit code.</summary>
    public int Run(TextWriter stdout, TextWriter stderr)
    {
        if (IsUnknownVerb)
        {
            stderr.WriteLine($"'{_args[0]}' is not an IncidentBot command; run '{Name} --help' to see the commands.");
            return UsageError;
        }

        if (_result.Errors.Count > 0 && _result.Action is ParseErrorAction)
        {
            var path = string.Join(' ', _result.CommandResult.Command == _root ? [Name] : new[] { Name }.Concat(CommandPath()));
            stderr.WriteLine($"{_result.Errors[0].Message} Run '{path} --help' for its usage.");
            return UsageError;
        }

        return _result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private IEnumerable<string> CommandPath()
    {
        var names = new List<string>();
        for (var symbol = _result.CommandResult; symbol is not null && symbol.Command != _root; symbol = symbol.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, symbol.Command.Name);
        return names;
    }

    /// <summary>
    /// Help for the serving commands is written here: the parser's own would describe the host settings as
    /// "additional arguments" of an unknown application. The other commands keep the parser's help, at a fixed
    /// width (the terminal's would make the text differ between machines).
    /// </summary>
    private sealed class ServingHelp(CommandLineVerbs verbs, HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.CommandResult.Command;
            if (command != verbs._root && command != verbs._serve)
                return standard.Invoke(parseResult);
            verbs.WriteServingHelp(command, parseResult.InvocationConfiguration.Output);
            return 0;
        }
    }

    /// <summary>The parser's own <c>--version</c> reads the entry assembly, which is the test runner under tests.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ProductVersion);
            return 0;
        }
    }

    private void WriteServingHelp(Command command, TextWriter output)
    {
        var rows = command == _root
            ? Leaves(_root).Select(c => (Usage(c), c.Description ?? "")).Append(("-h, --help", "Show this help; after a command, that command's help.")).Append(("--version", "Print the version of IncidentBot."))
            : [("-h, --help", "Show this help.")];
        output.WriteLine(command.Description);
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine(command == _root ? $"  {Name} [command] [host settings]" : $"  {Name} serve [host settings]");
        output.WriteLine();
        output.WriteLine(command == _root ? "Commands and options:" : "Options:");
        var width = rows.Max(r => r.Item1.Length) + 2;
        foreach (var (usage, description) in rows)
            output.WriteLine($"  {usage.PadRight(width)}{description}");
        output.WriteLine();
        output.WriteLine("Host settings:");
        output.WriteLine("  Anything else goes to the host as ASP.NET Core reads it, e.g. --urls http://0.0.0.0:5080,");
        output.WriteLine("  --Storage:Provider=Postgres or --ResponsePlan:Path /etc/incidentbot/plan.yaml.");
    }

    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.SelectMany(c => c.Subcommands.Count == 0 ? [c] : Leaves(c));

    private static string Usage(Command command)
    {
        var path = command.Parents.OfType<Command>().Any(p => p.Name != Name) ? $"{command.Parents.OfType<Command>().First().Name} {command.Name}" : command.Name;
        var arguments = string.Concat(command.Arguments.Select(a => $" <{a.Name}>"));
        return path + arguments + (command.Options.Count > 0 ? " [options]" : "");
    }

    private static Command PlanCommand(string[] args)
    {
        var check = new Command("check", "Check a response plan file without starting the bot.");
        check.Arguments.Add(new Argument<string>("plan.yaml") { Arity = ArgumentArity.ZeroOrOne, Description = "The plan file to check." });
        // Without a file the verb prints its own usage line, as it did before the parser.
        check.SetAction(result => PlanCheckVerb.Run(Normalised(args), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, PlanCheckVerb.HostConfiguration(args)));
        var plan = new Command("plan", "Work with the response plan.");
        plan.Subcommands.Add(check);
        return plan;
    }

    private static Command TeamsCommand(string[] args)
    {
        var package = new Command("package", "Write the Teams app package (manifest.json and icons) for upload in Teams.");
        package.Options.Add(new Option<string>("--app-id") { Description = "The Azure Bot's Microsoft App ID (a GUID)." });
        package.Options.Add(new Option<string>("--host") { Description = "The bot's public host, e.g. bot.example.com." });
        package.Options.Add(new Option<string>("--out") { Description = "The package to write [default: incidentbot-teams.zip]." });
        package.Options.Add(new Option<string>("--version") { Description = "The app version in the manifest, e.g. 1.0.0." });
        package.Options.Add(new Option<string>("--manifest-dir") { Description = "The manifest template folder [default: beside the app, else manifest/teams]." });
        package.SetAction(result => TeamsPackageVerb.Run(Normalised(args), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        var teams = new Command("teams", "Microsoft Teams set-up.");
        teams.Subcommands.Add(package);
        return teams;
    }

    /// <summary>Verbs were matched without regard to case before the parser; keep accepting <c>PLAN Check</c>.</summary>
    private static string[] Normalised(string[] args)
    {
        static string? Verb(string word) => Verbs.FirstOrDefault(v => string.Equals(v, word, StringComparison.OrdinalIgnoreCase));
        var copy = (string[])args.Clone();
        if (copy.Length > 0 && Verb(copy[0]) is { } verb)
        {
            copy[0] = verb;
            if (copy.Length > 1 && verb is "plan" or "teams" && Verb(copy[1]) is { } sub)
                copy[1] = sub;
        }

        return copy;
    }
}
