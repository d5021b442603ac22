namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Where the host reads <c>appsettings.json</c> and keeps <c>data/</c>. ASP.NET Core takes the current folder,
/// which is right for <c>dotnet run --project src/Bot</c> (it starts in the project folder), but a published
/// build started from elsewhere (<c>dotnet /opt/incidentbot/Jivrus.IncidentBot.Bot.dll</c> from a service
/// manager) would then run without its settings. There the folder of the binaries is used instead, unless a
/// content root was given explicitly.
/// </summary>
internal static class ContentRoot
{
    private const string Settings = "appsettings.json";

    /// <summary>The folder to use, or null to leave ASP.NET Core's choice.</summary>
    public static string? Choose(IReadOnlyList<string> args, string currentFolder, string binariesFolder, Func<string, string?> environment)
    {
        var explicitly = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (explicitly || File.Exists(Path.Combine(currentFolder, Settings)) || !File.Exists(Path.Combine(binariesFolder, Settings)))
            return null;
        return binariesFolder;
    }

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
    };
}
