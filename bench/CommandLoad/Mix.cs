namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>One kind of load: which path it posts to and which command text each request carries.</summary>
internal sealed record Mix(string Name, string Description, string Path, string Command, Func<long, string> Text, string UserId)
{
    // A responder from the default plan; reads and reports do not need one, but it is the realistic sender.
    private const string Responder = "U01ANA";

    public static Mix For(string name, LoadOptions options) => name switch
    {
        "bare" => new(name, $"POST /{options.BarePath} (same host, no work)", options.BarePath, "/incident", _ => "help", Responder),
        "help" => new(name, "/incident help (no database write)", "slack/commands", "/incident", _ => "help", Responder),
        "show" => new(name, $"/incident show <n>, n cycling over INC-1..INC-{options.ShowIncidents} (a read)", "slack/commands", "/incident",
            n => $"show {1 + (n % options.ShowIncidents)}", Responder),
        "report" => new(name, "/incident report <unique title> sev2 (a write; reports queued together share one transaction)", "slack/commands", "/incident",
            n => $"report Bench outage {n} sev2 impact: benchmark load", Responder),
        _ => throw new ArgumentException($"Unknown mix '{name}'; known: bare, help, show, report."),
    };
}
