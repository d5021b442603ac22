using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

public sealed class ContentRootTests : IDisposable
{
    private readonly string _binaries = Directory.CreateTempSubdirectory("incidentbot-bin-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("incidentbot-cwd-").FullName;

    public ContentRootTests() => File.WriteAllText(Path.Combine(_binaries, "appsettings.json"), "{}");

    [Fact]
    public void StartedFromAFolderWithoutSettings_UsesTheBinariesFolder() =>
        ContentRoot.Choose([], _elsewhere, _binaries, _ => null).Should().Be(_binaries);

    [Fact]
    public void StartedInAFolderWithSettings_KeepsIt()
    {
        File.WriteAllText(Path.Combine(_elsewhere, "appsettings.json"), "{}");

        ContentRoot.Choose([], _elsewhere, _binaries, _ => null).Should().BeNull();
    }

    [Fact]
    public void AnExplicitContentRoot_IsLeftAlone()
    {
        ContentRoot.Choose(["--contentRoot", "/srv/bot"], _elsewhere, _binaries, _ => null).Should().BeNull();
        ContentRoot.Choose([], _elsewhere, _binaries, name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/bot" : null).Should().BeNull();
    }

    public void Dispose()
    {
        Directory.Delete(_binaries, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }
}
