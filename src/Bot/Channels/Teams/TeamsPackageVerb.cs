using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Channels.Teams;

/// <summary>
/// <c>teams package --app-id &lt;guid&gt; --host &lt;host&gt; [--out file.zip] [--version x.y.z] [--manifest-dir dir]</c>:
/// writes the Teams app package (manifest.json, color.png, outline.png) with the bot's App ID and the
/// bot's public host filled in, ready to upload in Teams or the Teams admin center.
/// </summary>
internal static class TeamsPackageVerb
{
    public const int Written = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    private const string UsageLine = "usage: teams package --app-id <Microsoft App ID> --host <public host, e.g. bot.example.com> [--out incidentbot-teams.zip] [--version 1.0.0] [--manifest-dir manifest/teams]";
    private static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    public static bool Matches(string[] args) =>
        args.Length >= 2
        && string.Equals(args[0], "teams", StringComparison.OrdinalIgnoreCase)
        && string.Equals(args[1], "package", StringComparison.OrdinalIgnoreCase);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options(args);
        if (options is null || !options.TryGetValue("--app-id", out var appId) || !options.TryGetValue("--host", out var host))
            return Fail(stderr, UsageLine);
        if (!Guid.TryParse(appId, out var id))
            return Fail(stderr, $"--app-id must be the Azure Bot's Microsoft App ID (a GUID), not '{appId}'.");
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            return Fail(stderr, $"--host must be a host name such as bot.example.com (no https://, no path), not '{host}'.");

        var source = options.GetValueOrDefault("--manifest-dir") ?? FindTemplate();
        if (source is null || Files.Any(f => !File.Exists(Path.Combine(source, f))))
        {
            stderr.WriteLine($"The manifest template (manifest.json, color.png, outline.png) was not found{(source is null ? "" : $" in {source}")}; pass --manifest-dir manifest/teams.");
            return Failed;
        }

        var output = Path.GetFullPath(options.GetValueOrDefault("--out") ?? "incidentbot-teams.zip");
        var manifest = Fill(File.ReadAllText(Path.Combine(source, "manifest.json")), id.ToString(), host.ToLowerInvariant(), options.GetValueOrDefault("--version"));
        Write(output, manifest, source);
        stdout.WriteLine($"Wrote {output} for bot {id} at {host}. Upload it in Teams: Apps > Manage your apps > Upload an app.");
        return Written;
    }

    /// <summary>The template with the bot id, the app id and the host filled in.</summary>
    public static string Fill(string template, string appId, string host, string? version)
    {
        var manifest = JsonNode.Parse(template)!.AsObject();
        manifest["id"] = appId;
        if (version is not null)
            manifest["version"] = version;
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
            bot!["botId"] = appId;
        manifest["validDomains"] = new JsonArray(host);
        if (manifest["developer"] is JsonObject developer)
        {
            developer["websiteUrl"] = $"https://{host}/";
            developer["privacyUrl"] = $"https://{host}/privacy";
            developer["termsOfUseUrl"] = $"https://{host}/terms";
        }

        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static void Write(string output, string manifest, string source)
    {
        if (Path.GetDirectoryName(output) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        File.Delete(output); // a fresh package, not entries added to an old one
        using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            writer.Write(manifest);
        foreach (var icon in Files.Skip(1))
            zip.CreateEntryFromFile(Path.Combine(source, icon), icon);
    }

    /// <summary>Beside the app (copied on build), else manifest/teams in this folder or a parent (a source checkout).</summary>
    private static string? FindTemplate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "manifest", "teams");
        if (File.Exists(Path.Combine(beside, "manifest.json")))
            return beside;
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "manifest", "teams");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
                return candidate;
        }

        return null;
    }

    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 2; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(args[i + 1]))
                return null;
            options[args[i]] = args[i + 1];
        }

        return options;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return Usage;
    }
}
