using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.FollowUp;

/// <summary>The host with the local page on, a fake clock and a public base URL; commands go through the local page's API.</summary>
internal sealed partial class PostmortemHost : BotHost
{
    public const string PublicBase = "https://incidentbot.example.com/ops/";

    public PostmortemHost(params (string Key, string Value)[] settings)
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero)), settings)
    {
    }

    private PostmortemHost(FakeTimeProvider time, (string Key, string Value)[] settings)
        : base("postmortem", time, settings: [("Bot:PublicBaseUrl", PublicBase), .. settings]) => Time = time;

    public FakeTimeProvider Time { get; }

    /// <summary>What the local page shows the person after a typed line.</summary>
    public async Task<string> SayAsync(string user, string text)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/local/messages", new LocalMessageRequest(user, text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LocalReply>())!.Text;
    }

    /// <summary>Opens a link the bot gave, as a browser would, by its path and query on this host.</summary>
    public async Task<HttpResponseMessage> OpenAsync(string pathAndQuery)
    {
        using var client = CreateClient();
        return await client.GetAsync(pathAndQuery);
    }

    /// <summary>The link in a reply, and its path and query as the host receives them behind the public base.</summary>
    public static (string Url, string PathAndQuery) LinkIn(string reply)
    {
        var url = Link().Match(reply).Value;
        return (url, url.Length == 0 ? "" : "/" + url[PublicBase.Length..]);
    }

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
