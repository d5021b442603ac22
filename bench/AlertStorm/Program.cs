using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Jivrus.IncidentBot.Bench.AlertStorm;

// An open-loop storm: request i is due at i / rate seconds; it is sent then (or as soon as one of the
// --connections requests in flight is answered), so a slow host shows up as latency, not as a lower offered rate.
if (StormOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(StormOptions.Usage);
    return 2;
}

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
var endpoint = new Uri($"/alerts/{options.Source}", UriKind.Relative);
var total = options.Rate * options.Seconds;
var sinceDue = new double[total];
var sinceSent = new double[total];
var statuses = new int[total];
var gate = new SemaphoreSlim(options.Connections);
var tasks = new List<Task>(total);
var startsAt = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();

for (var i = 0; i < total; i++)
{
    var due = i * 1000.0 / options.Rate;
    var wait = due - clock.Elapsed.TotalMilliseconds;
    if (wait >= 1)
        await Task.Delay(TimeSpan.FromMilliseconds(wait));
    await gate.WaitAsync();
    tasks.Add(Send(i, due));
}

await Task.WhenAll(tasks);
var elapsed = clock.Elapsed.TotalSeconds;

var accepted = statuses.Count(s => s == 200);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"sent:      {total} Alertmanager notifications, one new group each, {options.Rate}/s offered for {options.Seconds} s, up to {options.Connections} in flight"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"accepted:  {accepted} (HTTP 200) in {elapsed:F1} s = {accepted / elapsed:F0}/s; other answers: {Others(statuses)}"));
Console.WriteLine($"latency from when each was due:  {Percentiles(sinceDue)}");
Console.WriteLine($"latency from when each was sent: {Percentiles(sinceSent)}");
return accepted == total ? 0 : 1;

async Task Send(int i, double due)
{
    try
    {
        var sent = clock.Elapsed.TotalMilliseconds;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Notification.Body(options.Run, i, startsAt)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            statuses[i] = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            statuses[i] = -1;
        }
        catch (TaskCanceledException)
        {
            statuses[i] = -2;
        }

        var now = clock.Elapsed.TotalMilliseconds;
        sinceDue[i] = now - due;
        sinceSent[i] = now - sent;
    }
    finally
    {
        gate.Release();
    }
}

static string Percentiles(double[] values)
{
    var sorted = values.Order().ToArray();
    double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):F1} ms, p99 {At(0.99):F1} ms, max {sorted[^1]:F1} ms");
}

static string Others(int[] statuses)
{
    var others = statuses.Where(s => s != 200).GroupBy(s => s).OrderBy(g => g.Key)
        .Select(g => $"{g.Count()} x {(g.Key == -1 ? "connection failed" : g.Key == -2 ? "timed out" : g.Key.ToString(CultureInfo.InvariantCulture))}").ToList();
    return others.Count == 0 ? "none" : string.Join(", ", others);
}
