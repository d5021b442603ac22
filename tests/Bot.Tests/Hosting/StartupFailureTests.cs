using System.Diagnostics;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

/// <summary>The built bot started as a process, as an operator starts it: what it prints and how it exits.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("startup-failure-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_WithZeroTickInterval_PrintsOneSentenceAndExitsWithOne()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--Scheduling:TickInterval=00:00:00", "--Storage:Provider=InMemory", "--urls=http://127.0.0.1:0");

        stderr.Should().Be($"IncidentBot did not start: Scheduling:TickInterval must be between 00:00:00.050 and 00:01:00; it is 00:00:00.{Environment.NewLine}");
        stdout.Should().BeEmpty();
        exitCode.Should().Be(1);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jivrus.IncidentBot.Bot.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            // A host that did start after all must not outlive the test.
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
