using System.Globalization;

namespace Jivrus.IncidentBot.Bench.AlertStorm;

/// <summary>The command line: where to post, how fast, for how long, and how many requests may be in flight.</summary>
internal sealed record StormOptions(Uri Url, string Source, string Token, int Rate, int Seconds, int Connections, string Run)
{
    public const string Usage =
        "usage: AlertStorm --url http://127.0.0.1:5091 --source storm --token <token> [--rate 1000] [--duration 10] [--connections 256] [--run <id>]";

    public static StormOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                return null;
            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("url", out var url) || !values.TryGetValue("token", out var token))
            return null;
        return new StormOptions(
            new Uri(url),
            values.GetValueOrDefault("source", "storm"),
            token,
            Number(values, "rate", 1000),
            Number(values, "duration", 10),
            Number(values, "connections", 256),
            values.GetValueOrDefault("run", DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture)));
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
