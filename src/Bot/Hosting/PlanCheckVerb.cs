using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// <c>plan check &lt;file&gt;</c>: validates a response plan without starting the host, so an edit can be
/// checked before it is deployed. Prints what the bot understood on success, every error on failure, and a
/// warning for each plan channel that a configured chat needs but that names no conversation in it (the
/// configuration is read as the host reads it, so checking beside the deployed settings sees the real chats).
/// </summary>
internal static class PlanCheckVerb
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    private const string UsageLine = "usage: plan check <plan.yaml>";

    public static bool Matches(string[] args) =>
        args.Length >= 2
        && string.Equals(args[0], "plan", StringComparison.OrdinalIgnoreCase)
        && string.Equals(args[1], "check", StringComparison.OrdinalIgnoreCase);

    // now: when the rotations' next shifts start counting; the system clock unless a test gives one.
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration configuration, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // Exactly one file: a second argument is more likely a mistake than something to ignore.
        if (!Matches(args) || args.Length != 3 || string.IsNullOrWhiteSpace(args[2]))
        {
            stderr.WriteLine(UsageLine);
            return Usage;
        }

        var path = args[2];
        ResponsePlan plan;
        try
        {
            plan = PlanLoader.LoadFile(UserPath.Resolve(path));
        }
        catch (PlanValidationException e)
        {
            foreach (var error in e.Errors)
                stderr.WriteLine(error.ToString());
            stderr.WriteLine($"{path}: {Count(e.Errors.Count)}; the plan is not valid.");
            return Invalid;
        }

        var at = now ?? TimeProvider.System.GetUtcNow();
        foreach (var warning in ChannelCoverage.Warnings(plan.Channels, ChannelStatus.From(configuration)).Concat(RotationDescription.Warnings(plan, at)))
            stderr.WriteLine($"{path}: warning: {warning}");
        stdout.WriteLine($"{path}: the plan is valid.");
        stdout.WriteLine();
        stdout.Write(PlanDescription.Describe(plan));
        stdout.Write(RotationDescription.Describe(plan, at));
        return Valid;
    }

    /// <summary>The host's own settings: appsettings.json (and the environment's) in its content root, then environment variables.</summary>
    public static IConfiguration HostConfiguration(string[] args)
    {
        var root = ContentRoot.Options(args).ContentRootPath ?? Directory.GetCurrentDirectory();
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    private static string Count(int errors) => errors == 1 ? "1 error" : $"{errors} errors";
}
