using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>The two Slack app manifests: the public-URL one and the Socket Mode one declare the same app.</summary>
public sealed class SlackManifestTests
{
    private readonly YamlMappingNode _http = Load("manifest.yml");
    private readonly YamlMappingNode _socket = Load("manifest.socket-mode.yml");

    [Theory]
    [InlineData("manifest.yml")]
    [InlineData("manifest.socket-mode.yml")]
    public void Manifest_TurnsOnTheMessagesTab_SoDirectMessagesReachTheBot(string file)
    {
        var home = Map(Load(file), "features", "app_home");

        (Scalar(home, "messages_tab_enabled"), Scalar(home, "messages_tab_read_only_enabled")).Should().Be(("true", "false"));
    }

    [Fact]
    public void SocketModeManifest_TurnsSocketModeOnAndNamesNoAddress()
    {
        Scalar(Map(_socket, "settings"), "socket_mode_enabled").Should().Be("true");
        Keys(_socket).Should().NotContain(["url", "request_url"]);
        Scalar(Map(_http, "settings"), "socket_mode_enabled").Should().Be("false");
    }

    [Fact]
    public void SocketModeManifest_DeclaresTheSameCommandsScopesAndEvents()
    {
        Items(_socket, "features", "slash_commands").Select(c => Scalar(c, "command"))
            .Should().Equal(Items(_http, "features", "slash_commands").Select(c => Scalar(c, "command")));
        Values(_socket, "oauth_config", "scopes", "bot").Should().Equal(Values(_http, "oauth_config", "scopes", "bot"));
        Values(_socket, "settings", "event_subscriptions", "bot_events").Should().Equal(["app_mention", "message.im"]);
        Values(_http, "settings", "event_subscriptions", "bot_events").Should().Equal(["app_mention", "message.im"]);
    }

    private static YamlMappingNode Load(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Jivrus.IncidentBot.sln")))
            directory = directory.Parent;
        using var reader = new StreamReader(Path.Combine(directory!.FullName, "manifest", "slack", file));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => (YamlMappingNode)current.Children[new YamlScalarNode(key)]);

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value;

    private static IEnumerable<YamlNode> Items(YamlMappingNode node, params string[] path) =>
        (YamlSequenceNode)Map(node, path[..^1]).Children[new YamlScalarNode(path[^1])];

    private static List<string?> Values(YamlMappingNode node, params string[] path) =>
        Items(node, path).Select(n => ((YamlScalarNode)n).Value).ToList();

    private static List<string?> Keys(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(c => Keys(c.Value).Prepend(((YamlScalarNode)c.Key).Value)).ToList(),
        YamlSequenceNode list => list.Children.SelectMany(Keys).ToList(),
        _ => [],
    };
}
