using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>
/// N senders in a closed loop (each waits for its answer before sending the next), a warm-up whose requests
/// are not recorded, then a measured window in which every request's latency to HTTP 200 is kept.
/// </summary>
internal sealed class LoadRunner(HttpClient http, SlashCommand signer, LoadOptions options)
{
    private long _sequence;

    public async Task<LoadResult> RunAsync(Mix mix)
    {
        var url = new Uri(options.BaseUrl, mix.Path);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(options.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var windowStart = DateTimeOffset.UtcNow + options.WarmUp;
        var stopAt = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var errorKinds = new ConcurrentDictionary<string, long>();
        var answerKinds = new ConcurrentDictionary<string, long>();
        long errors = 0;

        var senders = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            var latencies = new List<long>(4096);
            var seconds = new List<int>(4096);
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= stopAt)
                    break;
                var measured = start >= measureFrom;
                var n = Interlocked.Increment(ref _sequence);
                string? failure;
                string? answer = null;
                try
                {
                    using var request = signer.Build(url, mix.Command, mix.Text(n), mix.UserId, n);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    failure = response.StatusCode == HttpStatusCode.OK ? null : $"HTTP {(int)response.StatusCode}";
                    // Read only where the mix asks what was answered, so the other mixes cost the tool what they did.
                    if (failure is null && mix.Classify is { } classify)
                        answer = classify(await response.Content.ReadAsStringAsync());
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failure = ex.GetType().Name;
                }

                var elapsed = Stopwatch.GetTimestamp() - start;
                if (!measured)
                    continue;
                if (failure is null)
                {
                    if (answer is not null)
                        answerKinds.AddOrUpdate(answer, 1, (_, c) => c + 1);
                    latencies.Add(elapsed);
                    seconds.Add((int)((start - measureFrom) / Stopwatch.Frequency));
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    errorKinds.AddOrUpdate(failure, 1, (_, c) => c + 1);
                }
            }

            return (latencies, seconds);
        }).ToList();

        // CPU of host and tool over the same window as the latencies.
        var untilWindow = TimeSpan.FromSeconds(Math.Max(0, measureFrom - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
        var cpuStart = Task.Delay(untilWindow).ContinueWith(_ => CpuUse.Sample(options.HostPid), TaskScheduler.Default);
        var sent = await Task.WhenAll(senders);
        var cpu = CpuUse.Between(await cpuStart, CpuUse.Sample(options.HostPid));
        var all = sent.SelectMany(s => s.latencies).ToArray();
        // Which second of the window each request started in, for --per-second.
        var bySecond = sent.SelectMany(s => s.seconds.Zip(s.latencies))
            .GroupBy(p => p.First)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(p => p.Second).Order().ToArray())
            .ToList();
        Array.Sort(all);
        // The window is from the end of warm-up to the moment the last sender finished its last request.
        var window = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - measureFrom) / (double)Stopwatch.Frequency);
        return new LoadResult(mix, all, errors, window, errorKinds, bySecond, windowStart, cpu, answerKinds);
    }
}
