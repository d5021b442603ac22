namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Resolves a relative path the way the person typed it. <c>dotnet run --project src/Bot</c> starts the app
/// in the project folder, so a path relative to the shell's folder would otherwise not be found; the shell's
/// folder is still in <c>PWD</c>.
/// </summary>
internal static class UserPath
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
            return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        if (!string.IsNullOrEmpty(shell))
        {
            var candidate = Path.Combine(shell, path);
            if (File.Exists(candidate))
                return candidate;
        }

        return path;
    }
}
