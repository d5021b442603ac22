using System.IO.Compression;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Channels.Teams;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

public sealed class TeamsPackageVerbTests : IDisposable
{
    private const string AppId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"teams-package-{Guid.NewGuid():N}.zip");

    [Fact]
    public void Package_HoldsTheManifestWithBotIdAndHostAndBothIcons()
    {
        var code = TeamsPackageVerb.Run(["teams", "package", "--app-id", AppId, "--host", "bot.contoso.com", "--out", _out], new StringWriter(), new StringWriter());

        code.Should().Be(TeamsPackageVerb.Written);
        using var zip = ZipFile.OpenRead(_out);
        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo("manifest.json", "color.png", "outline.png");
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        manifest["bots"]![0]!["botId"]!.GetValue<string>().Should().Be(AppId);
        manifest["validDomains"]![0]!.GetValue<string>().Should().Be("bot.contoso.com");
        manifest["manifestVersion"]!.GetValue<string>().Should().Be("1.22");
    }

    [Fact]
    public void AppIdThatIsNoGuid_IsRefusedWithASentence()
    {
        var stderr = new StringWriter();

        var code = TeamsPackageVerb.Run(["teams", "package", "--app-id", "my-bot", "--host", "bot.contoso.com", "--out", _out], new StringWriter(), stderr);

        code.Should().Be(TeamsPackageVerb.Usage);
        stderr.ToString().Should().Contain("GUID");
        File.Exists(_out).Should().BeFalse();
    }

    [Fact]
    public void Icons_HaveTheSizesTeamsRequires()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "manifest", "teams");

        Size(Path.Combine(folder, "color.png")).Should().Be((192, 192));
        Size(Path.Combine(folder, "outline.png")).Should().Be((32, 32));
    }

    private static (int Width, int Height) Size(string png)
    {
        var bytes = File.ReadAllBytes(png);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    public void Dispose() => File.Delete(_out);
}
