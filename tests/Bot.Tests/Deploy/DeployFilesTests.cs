using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Bot.Tests.Deploy;

/// <summary>
/// The files in deploy/ that CI cannot run (there is no systemd or Docker on the build machine): the systemd unit is
/// checked by systemd-analyze where it is installed, and each file is held to the release's layout and settings.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot(), "deploy");

    [SystemdAnalyzeFact]
    public async Task Unit_PassesSystemdAnalyzeVerify()
    {
        // verify also checks that ExecStart is an executable file, so the unit is pointed at a stand-in for the release.
        var folder = Directory.CreateTempSubdirectory("unit-").FullName;
        try
        {
            var program = Path.Combine(folder, "incidentbot");
            await File.WriteAllTextAsync(program, "#!/bin/sh\n");
            if (!OperatingSystem.IsWindows()) // systemd-analyze, and so this test, runs on Linux only
                File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var unit = Path.Combine(folder, "incidentbot.service");
            await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(Path.Combine(Deploy, "incidentbot.service"))).Replace("/opt/incidentbot", folder, StringComparison.Ordinal));

            var (code, output) = await RunAsync("systemd-analyze", "verify", unit);

            output.Should().BeEmpty();
            code.Should().Be(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Unit_IsANotifyServiceKeepingItsDataInTheStateDirectory()
    {
        var unit = File.ReadAllLines(Path.Combine(Deploy, "incidentbot.service"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).ToList();

        unit.Should().Contain("Type=notify");
        unit.Should().Contain("ExecStart=/opt/incidentbot/incidentbot serve");
        unit.Should().Contain("StateDirectory=incidentbot");
        unit.Should().Contain("Environment=Storage__DataFolder=%S/incidentbot");
        unit.Should().Contain("EnvironmentFile=-/etc/incidentbot/env");
        unit.Should().Contain("TimeoutStopSec=40"); // above the host's 25 s drain
        unit.Where(l => l.StartsWith("MemoryDenyWriteExecute", StringComparison.Ordinal)).Should().BeEmpty("the .NET JIT needs writable, executable memory");
    }

    [Fact]
    public void Dockerfile_RunsTheReleaseTarballAsTheNonRootUser()
    {
        var lines = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile")).Where(l => !l.StartsWith('#')).ToList();

        lines.Should().Contain("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0");
        lines.Should().Contain("ADD dist/incidentbot-${VERSION}-linux-x64.tar.gz /opt/");
        lines.Should().Contain("USER $APP_UID");
        lines.Should().Contain("VOLUME /var/lib/incidentbot");
        lines.Should().Contain("  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/readyz || exit 1");
        lines.Should().Contain("ENTRYPOINT [\"/opt/incidentbot/incidentbot\"]");
    }

    [Fact]
    public void Compose_RunsTheBotOnPostgres15WithHealthChecksAndVolumes()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Deploy, "compose.yaml")))
            yaml.Load(reader);
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var postgres = (YamlMappingNode)services["postgres"];
        var bot = (YamlMappingNode)services["bot"];
        var environment = (YamlMappingNode)bot["environment"];

        postgres["image"].ToString().Should().Be("postgres:15");
        ((YamlMappingNode)postgres["healthcheck"])["test"].Should().BeOfType<YamlSequenceNode>();
        ((YamlMappingNode)((YamlMappingNode)bot["depends_on"])["postgres"])["condition"].ToString().Should().Be("service_healthy");
        environment["Storage__Provider"].ToString().Should().Be("Postgres");
        environment["ConnectionStrings__Incidents"].ToString().Should().Be("Host=postgres;Database=incidentbot;Username=incidentbot;Password=${POSTGRES_PASSWORD}");
        ((YamlSequenceNode)bot["volumes"]).Select(v => v.ToString()).Should().Equal("botdata:/var/lib/incidentbot");
        ((YamlSequenceNode)postgres["volumes"]).Select(v => v.ToString()).Should().Equal("pgdata:/var/lib/postgresql/data");
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Jivrus.IncidentBot.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Jivrus.IncidentBot.sln) was not found above the test binaries.");
    }
}

/// <summary>A fact that needs <c>systemd-analyze</c> on the PATH; skipped, saying why, where it is missing.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "systemd-analyze")));
        if (!found)
            Skip = "systemd-analyze is not installed (apt-get install systemd); the unit's settings are still checked by the other tests.";
    }
}
