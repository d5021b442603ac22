using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

// A real Prometheus Alertmanager for one test: its own temp dir, config, storage and free port, no cluster, and nothing
// shared with a system service the Debian package may have started.
//
// End to end against the bot: start the bot host on Kestrel at a real port of 127.0.0.1 (as LocalKestrelHost does)
// with Alerts:Sources:<source>:Token set and a plan whose alerts: section has <source> of kind alertmanager; then
// StartAsync(new AlertmanagerOptions(new Uri(botAddress, "/alerts/<source>"), token)), fire and resolve through
// FireAsync / ResolveAsync / FireAllAsync, and wait on what the bot posts or stores. Alertmanager delivers to the
// bot exactly as it does in production: version 4 webhooks, grouped by alertname, Authorization: Bearer <token>.
internal sealed class AlertmanagerFixture : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private const int PortAttempts = 3;

    private readonly Process _process;
    private readonly ProcessOutput _output;
    private readonly string _directory;

    private AlertmanagerFixture(Process process, ProcessOutput output, string directory, Uri address, TimeSpan startup)
    {
        _process = process;
        _output = output;
        _directory = directory;
        Address = address;
        StartupTime = startup;
        Api = new AlertmanagerApi(address);
    }

    /// <summary>Where this Alertmanager listens, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; }

    /// <summary>From starting the process to <c>/-/ready</c> answering 200.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Its <c>/api/v2</c>: fire, resolve, storms.</summary>
    public AlertmanagerApi Api { get; }

    /// <summary>What the process wrote so far (its log), for a failure message.</summary>
    public string Output => _output.Text;

    /// <summary>
    /// Writes the config, starts Alertmanager on a free port and waits until it is ready. Fails with its own words
    /// (stderr) when it exits or is not ready within 30 s.
    /// </summary>
    public static async Task<AlertmanagerFixture> StartAsync(AlertmanagerOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("incidentbot-alertmanager-").FullName;
        var config = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, options.ToYaml());
        try
        {
            // A free port found by binding port 0 can be taken before Alertmanager binds it; try another then.
            for (var attempt = 1; attempt <= PortAttempts; attempt++)
            {
                if (await TryStartAsync(options, directory, config) is { } fixture)
                    return fixture;
            }

            throw new InvalidOperationException($"Alertmanager found its port taken by another process {PortAttempts} times in a row.");
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await StopAsync(_process);
        TryDelete(_directory);
    }

    private static async Task<AlertmanagerFixture?> TryStartAsync(AlertmanagerOptions options, string directory, string config)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(AlertmanagerFactAttribute.Executable)
        {
            WorkingDirectory = directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(options, directory, config, port))
            start.ArgumentList.Add(argument);

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Alertmanager could not be started from {start.FileName}: {e.Message}. Install it with apt-get install prometheus-alertmanager.", e);
        }

        var output = ProcessOutput.Capture(process);
        try
        {
            await WaitUntilReadyAsync(process, output, address, start);
            return new AlertmanagerFixture(process, output, directory, address, clock.Elapsed);
        }
        catch (PortTakenException)
        {
            await StopAsync(process);
            return null;
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    private static IEnumerable<string> Arguments(AlertmanagerOptions options, string directory, string config, int port) =>
    [
        $"--config.file={config}",
        $"--storage.path={Path.Combine(directory, "data")}",
        $"--web.listen-address=127.0.0.1:{port}",
        $"--web.external-url={options.ExternalUrl}",
        // Empty turns high-availability gossip off: no second port, no peers, no settle wait before notifying.
        "--cluster.listen-address=",
        "--log.level=info",
    ];

    private static async Task WaitUntilReadyAsync(Process process, ProcessOutput output, Uri address, ProcessStartInfo start)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                if (output.Text.Contains("address already in use", StringComparison.Ordinal))
                    throw new PortTakenException();
                throw new InvalidOperationException(
                    $"Alertmanager exited with code {process.ExitCode} before it was ready ({Describe(start)}). It said:\n{output.Text}");
            }

            try
            {
                using var response = await http.GetAsync("-/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // One slow answer on a busy machine; the deadline below decides.
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException(
                    $"Alertmanager did not answer 200 on {address}-/ready within {ReadyTimeout.TotalSeconds:0} s ({Describe(start)}). It said:\n{output.Text}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    private static string Describe(ProcessStartInfo start) => $"{start.FileName} {string.Join(' ', start.ArgumentList)}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp dir must not fail the test that used it.
        }
    }

    private sealed class PortTakenException : Exception;

    /// <summary>stdout and stderr as they arrive (Alertmanager logs to stderr), kept for failure messages.</summary>
    private sealed class ProcessOutput
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                    return _text.ToString();
            }
        }

        public static ProcessOutput Capture(Process process)
        {
            var output = new ProcessOutput();
            process.OutputDataReceived += (_, e) => output.Append(e.Data);
            process.ErrorDataReceived += (_, e) => output.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return output;
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (_gate)
                _text.AppendLine(line);
        }
    }
}
