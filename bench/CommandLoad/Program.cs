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

var setup = new Setup(http, signer, options);
Filed filed;
try
{
    // /incident show and list read INC-1..INC-k (the script starts a fresh host): file them first.
    var show = options.Mixes.Any(m => m is "show" or "list") || options.SeedIncidents > 0
        ? await setup.FileShowIncidentsAsync(options.ShowIncidents)
        : NumberRange.None;
    var history = NumberRange.None;
    if (options.SeedIncidents > 0)
    {
        // The growth budget: the same reads against a longer history, filed before the warm-up.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"-- seeding {options.SeedIncidents:N0} incidents{(options.SeedClosed ? ", then resolving and closing each" : ", left open")} ({DateTimeOffset.UtcNow:u})"));
        history = await setup.FileManyAsync("history incident", options.SeedIncidents);
        if (options.SeedClosed)
            await setup.CloseAllAsync(history);
    }

    filed = new Filed(show, history, options.SeedClosed, NumberRange.None);
}
catch (SetupFailed ex)
{
    Console.Error.WriteLine($"Setup failed: {ex.Message}");
    return 1;
}

var results = new List<LoadResult>();
foreach (var name in options.Mixes)
{
    if (name == "ack" && filed.Ack.Count == 0)
    {
        // Open incidents to acknowledge, filed just before this mix so the mixes before it do not carry them.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- filing {options.AckIncidents:N0} incidents for ack ({DateTimeOffset.UtcNow:u})"));
        try
        {
            filed = filed with { Ack = await setup.FileManyAsync("ack incident", options.AckIncidents) };
        }
        catch (SetupFailed ex)
        {
            Console.Error.WriteLine($"Setup failed: {ex.Message}");
            return 1;
        }
    }

    Mix mix;
    try
    {
        mix = Mix.For(name, options, filed);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }

    Console.WriteLine($"-- {mix.Name}: {mix.Description}");
    var result = await runner.RunAsync(mix);
    Console.WriteLine(result.Line());
    Console.WriteLine(result.Cpu.Line(result.Count + result.Errors));
    if (result.AnswersLine() is { } answers)
        Console.WriteLine(answers);
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
