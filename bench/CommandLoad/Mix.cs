namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>
/// One kind of load: which path it posts to and which command text each request carries. <see cref="Classify"/>, when
/// set, names each answer's kind (read from the reply body) so the result says what the host answered, not just 200.
/// </summary>
internal sealed record Mix(string Name, string Description, string Path, string Command, Func<long, string> Text, string UserId,
    Func<string, string>? Classify = null)
{
    // A responder from the default plan, on the first ladder level: may acknowledge the sev2 incidents the benchmark files.
    public const string Responder = "U01ANA";

    public static readonly string[] Known = ["bare", "help", "show", "list", "ack", "report"];

    public static Mix For(string name, LoadOptions options, Filed filed) => name switch
    {
        "bare" => new(name, $"POST /{options.BarePath} (same host, no work)", options.BarePath, "/incident", _ => "help", Responder),
        "help" => new(name, "/incident help (no database write)", "slack/commands", "/incident", _ => "help", Responder),
        "show" => ShowMix(name, options, filed),
        // `list` and `list open` ask the same thing (open is the default): the mix sends both, one after the other.
        "list" => new(name, $"/incident list and /incident list open, alternating ({filed.Describe()})", "slack/commands", "/incident",
            n => n % 2 == 0 ? "list" : "list open", Responder, ListAnswer),
        "ack" => new(name, $"/incident ack INC-n, n cycling over the {filed.Ack.Count:N0} open incidents INC-{filed.Ack.First}..INC-{filed.Ack.Last} (a write; an ack of one already acknowledged answers so)",
            "slack/commands", "/incident", n => $"ack INC-{filed.Ack.At(n)}", Responder, AckAnswer),
        "report" => new(name, "/incident report <unique title> sev2 (a write; reports queued together share one transaction)", "slack/commands", "/incident",
            n => $"report Bench outage {n} sev2 impact: benchmark load", Responder),
        _ => throw new ArgumentException($"Unknown mix '{name}'; known: {string.Join(", ", Known)}."),
    };

    private static Mix ShowMix(string name, LoadOptions options, Filed filed)
    {
        var over = options.ShowOverHistory ? filed.All : filed.Show;
        return new(name, $"/incident show <n>, n cycling over INC-{over.First}..INC-{over.Last} (a read; {filed.Describe()})", "slack/commands", "/incident",
            n => $"show {over.At(n)}", Responder, ShowAnswer);
    }

    private static string ShowAnswer(string body) => body.Contains("There is no INC-", StringComparison.Ordinal) ? "no such incident" : "card";

    private static string ListAnswer(string body) =>
        body.Contains("most urgent are shown", StringComparison.Ordinal) ? "a page of open incidents"
        : body.Contains("open incident", StringComparison.Ordinal) ? "every open incident"
        : "other";

    private static string AckAnswer(string body) =>
        body.Contains("is already acknowledged by", StringComparison.Ordinal) ? "already acknowledged"
        : body.Contains(" acknowledged INC-", StringComparison.Ordinal) ? "acknowledged"
        : "other";
}
