namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>A fact that needs Debian's chromium; skipped with the reason when it is not installed (CI installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
            Skip = $"Needs Debian's chromium at {Executable} (apt-get install chromium); browsers are never downloaded.";
    }
}
