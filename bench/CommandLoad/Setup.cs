using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>
/// Files what the mixes need before they run, through the same signed slash commands (the host is fresh, so this is
/// all it holds). Every answer is checked: a report must say which INC-n it filed, a change must say it was made.
/// </summary>
internal sealed partial class Setup(HttpClient http, SlashCommand signer, LoadOptions options)
{
    private const int ProgressEvery = 10_000;
    private long _sequence = 1_000_000_000; // apart from the mixes' own request numbers
    private Uri Commands => new(options.BaseUrl, "slack/commands");

    /// <summary>
    /// INC-1..INC-k one after another, severities sev1..sev4 in turn, then made to look like a working day: every fifth
    /// acknowledged, every fifth resolved and half of those closed (or waiting for their RCA, as sev1 does).
    /// </summary>
    public async Task<NumberRange> FileShowIncidentsAsync(int count)
    {
        var numbers = new List<int>(count);
        for (var i = 1; i <= count; i++)
            numbers.Add(await ReportAsync($"report Bench seed incident {i} sev{1 + (i % 4)}"));
        foreach (var (n, i) in numbers.Select((n, i) => (n, i + 1)))
        {
            if (i % 5 == 1)
                await ChangeAsync($"ack INC-{n}", $"acknowledged INC-{n}.");
            else if (i % 5 == 2)
            {
                await ChangeAsync($"resolve INC-{n} Bench seed resolution", $"resolved INC-{n}");
                if (i % 10 == 2)
                    await ChangeAsync($"close INC-{n}", $"closed INC-{n}.", $"INC-{n} is ");
            }
        }

        return NumberRange.Of(numbers);
    }

    /// <summary><paramref name="count"/> sev2 reports, <c>--seed-concurrency</c> at a time (queued reports share a transaction).</summary>
    public async Task<NumberRange> FileManyAsync(string what, int count)
    {
        var numbers = new ConcurrentBag<int>();
        await EachAsync($"filed {what}", count, async i => numbers.Add(await ReportAsync($"report Bench {what} {i} sev2")));
        var range = NumberRange.Of(numbers);
        if (range.Count != count)
            throw new SetupFailed($"{count:N0} {what} were filed as INC-{range.First}..INC-{range.Last}, which is not one run of numbers: was the host fresh?");
        return range;
    }

    /// <summary>Resolves, then closes, every incident of <paramref name="range"/>.</summary>
    public async Task CloseAllAsync(NumberRange range)
    {
        await EachAsync("resolved", range.Count, i => ChangeAsync($"resolve INC-{range.First + i} Bench seed resolution", $"resolved INC-{range.First + i}"));
        await EachAsync("closed", range.Count, i => ChangeAsync($"close INC-{range.First + i}", $"closed INC-{range.First + i}."));
    }

    private async Task EachAsync(string done, int count, Func<int, Task> body)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var finished = 0;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.SeedConcurrency, count)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i);
                var f = Interlocked.Increment(ref finished);
                if (f % ProgressEvery == 0 && f < count)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {done} {f:N0} of {count:N0} ({f / clock.Elapsed.TotalSeconds:N0}/s)"));
            }
        }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {done} {count:N0} in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:N0}/s, {options.SeedConcurrency} at a time)"));
    }

    private async Task<int> ReportAsync(string text)
    {
        var answer = await SendAsync(text);
        var filed = ReportedId().Match(answer);
        return filed.Success ? int.Parse(filed.Groups[1].Value, CultureInfo.InvariantCulture) : throw new SetupFailed($"'{text}' was answered: {answer}");
    }

    private async Task ChangeAsync(string text, params string[] expected)
    {
        var answer = await SendAsync(text);
        if (!expected.Any(e => answer.Contains(e, StringComparison.Ordinal)))
            throw new SetupFailed($"'{text}' was answered: {answer}");
    }

    private async Task<string> SendAsync(string text)
    {
        using var request = signer.Build(Commands, "/incident", text, Mix.Responder, Interlocked.Increment(ref _sequence));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? body
            : throw new SetupFailed($"'{text}' got HTTP {(int)response.StatusCode}. Is the host up with Slack:SigningSecret={options.SigningSecret}?");
    }

    [GeneratedRegex(@"(?:INC-)(\d+) reported")]
    private static partial Regex ReportedId();
}

internal sealed class SetupFailed(string message) : Exception(message);
