using System.Globalization;
using System.Net;
using Jivrus.IncidentBot.Bench.CommandLoad;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = DecompressionMethods.None,
    UseProxy = false,
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
var signer = new SlashCommand(options.SigningSecret);
var runner = new LoadRunner(http, signer, options);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CommandLoad: {options.BaseUrl} concurrency={options.Concurrency} warm-up={options.WarmUp.TotalSeconds}s duration={options.Duration.TotalSeconds}s started {DateTimeOffset.UtcNow:u}"));

if (options.Mixes.Contains("show"))
{
    // /incident show cycles over INC-1..INC-n: file that many incidents first (the script starts a fresh host).
    for (var i = 1; i <= options.ShowIncidents; i++)
    {
        using var seed = signer.Build(new Uri(options.BaseUrl, "slack/commands"), "/incident", $"report Bench seed incident {i} sev2", "U01ANA", i);
        using var seeded = await http.SendAsync(seed);
        if (seeded.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"Seeding incident {i} failed: HTTP {(int)seeded.StatusCode}. Is the host up with Slack:SigningSecret={options.SigningSecret}?");
            return 1;
        }
    }
}

var results = new List<LoadResult>();
foreach (var name in options.Mixes)
{
    var mix = Mix.For(name, options);
    Console.WriteLine($"-- {mix.Name}: {mix.Description}");
    var result = await runner.RunAsync(mix);
    Console.WriteLine(result.Line());
    Console.WriteLine(result.Cpu.Line(result.Count + result.Errors));
    if (options.PerSecond)
    {
        foreach (var line in result.SecondLines())
            Console.WriteLine(line);
    }

    results.Add(result);
}

var bare = results.FirstOrDefault(r => r.Mix.Name == "bare");
if (bare is not null)
{
    Console.WriteLine("-- p50 overhead over bare (target <= 3x)");
    foreach (var r in results.Where(r => r != bare))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Mix.Name,-7} {r.PercentileMs(50) / bare.PercentileMs(50):F2}x"));
}

return results.Any(r => r.Count == 0) ? 1 : 0;
