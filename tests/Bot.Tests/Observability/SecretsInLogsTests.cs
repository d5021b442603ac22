using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Freshdesk;
using Jivrus.IncidentBot.Bot.Tests.Channels.Slack;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>
/// A host with every secret configured, logging at Trace into a capture, driven through requests that succeed and
/// chat API calls that fail (HttpClient logging writes URLs and headers): no log line holds a secret.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string SigningSecret = "slack-signing-S3CRET-a1b2";
    private const string BotToken = "xoxb-S3CRET-bot-token-c3d4";
    private const string AppToken = "xapp-S3CRET-app-token-e5f6";
    private const string TeamsPassword = "teams-S3CRET-password-g7h8";
    private const string FreshdeskKey = "freshdesk-S3CRET-key-i9j0";
    private const string WebhookSecret = "freshdesk-S3CRET-webhook-k1l2";
    private const string LinksKey = "links-S3CRET-signing-key-m3n4-0123456789";
    private const string PostgresPassword = "pg-S3CRET-password-o5p6";

    private static readonly string[] Secrets =
    [
        SigningSecret, BotToken, AppToken, TeamsPassword, FreshdeskKey, WebhookSecret, LinksKey, PostgresPassword,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FreshdeskKey}:X")), // the Basic authorization Freshdesk gets
    ];

    [Fact]
    public async Task EverySecret_ConfiguredAtTrace_NeverAppearsInALogLine()
    {
        var lines = await DriveAsync([]);

        lines.Where(line => Secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal))).Should().BeEmpty();
    }

    [PostgresFact]
    public async Task PostgresPassword_InTheConnectionString_NeverAppearsInALogLine()
    {
        await using var database = await ScratchDatabase.CreateAsync("secrets_in_logs");
        var role = $"secrets_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE ROLE {role} LOGIN PASSWORD '{PostgresPassword}'", $"ALTER DATABASE {database.Name} OWNER TO {role}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = PostgresPassword }.ToString();

            var lines = await DriveAsync([("Storage:Provider", "Postgres"), ("ConnectionStrings:Incidents", connection)]);

            lines.Should().Contain(line => line.Contains("Npgsql", StringComparison.Ordinal));
            lines.Where(line => Secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal))).Should().BeEmpty();
        }
        finally
        {
            await database.DisposeAsync();
            await AdminAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task<IReadOnlyList<string>> DriveAsync((string Key, string Value)[] storage)
    {
        var capture = new LogCapture();
        await using (var host = new SecretHost(capture, storage))
        {
            var client = host.CreateClient();
            // A report over Slack, its posts delivered into failing Slack calls (500, 429, ok:false), a forged request.
            (await SlackCommandAsync(client, "report Payments failing sev1")).StatusCode.Should().Be(HttpStatusCode.OK);
            for (var round = 0; round < 3; round++)
                await host.DeliverOnceAsync();

            // Signed links: a post-mortem link handed out, opened, and opened with its signature cut short.
            var answer = (string?)JsonNode.Parse(await (await SlackCommandAsync(client, "postmortem INC-1")).Content.ReadAsStringAsync())?["text"] ?? "";
            var link = new Uri(Regex.Match(answer.Replace("&amp;", "&", StringComparison.Ordinal), @"https?://\S+").Value).PathAndQuery;
            (await client.GetAsync(new Uri(link, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync(new Uri(link[..^1], UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await client.PostAsync(new Uri("/slack/commands", UriKind.Relative), new StringContent("command=/incident&text=help"))).StatusCode
                .Should().Be(HttpStatusCode.Unauthorized);

            // Teams: a forged token, and a connector token request the token service refuses.
            using var teams = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(
                    """{"type":"message","id":"a1","text":"incident help","serviceUrl":"http://teams.test/","channelId":"msteams","from":{"id":"29:ana-aad"},"conversation":{"id":"a:1"},"recipient":{"id":"28:bot"}}""",
                    Encoding.UTF8, "application/json"),
            };
            teams.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged");
            (await client.SendAsync(teams)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            var token = () => host.Services.GetRequiredService<ConnectorTokenProvider>().GetAsync(CancellationToken.None);
            await token.Should().ThrowAsync<Exception>();

            // Freshdesk: a webhook with the right secret whose ticket fetch fails, and one with a wrong secret.
            (await Webhook(client, WebhookSecret)).StatusCode.Should().NotBe(HttpStatusCode.Unauthorized);
            (await Webhook(client, "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        capture.Lines.Should().Contain(line => line.StartsWith("Trace System.Net.Http.HttpClient.slack", StringComparison.Ordinal));
        return capture.Lines;
    }

    private static Task<HttpResponseMessage> SlackCommandAsync(HttpClient client, string text)
    {
        var body = SlackHost.Form(("command", "/incident"), ("text", text), ("user_id", "U01ANA"), ("channel_id", "C0WHERE"), ("team_id", "T1"),
            ("response_url", "http://slack.test/hooks/cmd"), ("trigger_id", "trigger-1"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", new SlackSignature(SigningSecret, TimeProvider.System, TimeSpan.FromMinutes(5)).Sign(timestamp, Encoding.UTF8.GetBytes(body)));
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Webhook(HttpClient client, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/freshdesk/webhook") { Content = new StringContent("{\"ticket_id\": 42}", Encoding.UTF8, "application/json") };
        request.Headers.Add(FreshdeskWebhook.SecretHeader, secret);
        return client.SendAsync(request);
    }

    private static async Task AdminAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every outbound client answers with a failure in turn: 500, 429 with Retry-After, Slack's ok:false.</summary>
    private sealed class FailingApi : HttpMessageHandler
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = (Interlocked.Increment(ref _calls) % 3) switch
            {
                0 => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("boom") },
                1 => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(1)) }, Content = new StringContent("") },
                _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"ok\":false,\"error\":\"invalid_auth\"}", Encoding.UTF8, "application/json") },
            };
            return Task.FromResult(response);
        }
    }

    private sealed class SecretHost(LogCapture capture, (string Key, string Value)[] storage) : BotHost("secrets", settings:
    [
        ("Logging:LogLevel:Default", "Trace"),
        ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"),
        ("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace"),
        ("Logging:LogLevel:System.Net.Http.HttpClient", "Trace"),
        ("Slack:SigningSecret", SigningSecret),
        ("Slack:BotToken", BotToken),
        ("Slack:AppToken", AppToken),
        ("Slack:ApiBaseUrl", "http://slack.test/api/"),
        ("Teams:AppId", "00000000-0000-0000-0000-000000000001"),
        ("Teams:AppPassword", TeamsPassword),
        ("Teams:OpenIdMetadataUrl", "http://teams.test/openid"),
        ("Teams:TokenEndpoint", "http://teams.test/token"),
        ("Freshdesk:BaseUrl", "http://freshdesk.test/"),
        ("Freshdesk:ApiKey", FreshdeskKey),
        ("Freshdesk:WebhookSecret", WebhookSecret),
        ("Links:SigningKey", LinksKey),
        .. storage,
    ])
    {
        protected override void ReplaceServices(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(capture);
            Route(services, () => new FailingApi(),
                SlackApiClient.HttpClientName, SlackApiClient.InteractiveHttpClientName,
                BotConnectorClient.HttpClientName, BotConnectorClient.InteractiveHttpClientName, ConnectorTokenProvider.HttpClientName, TeamsTokenValidator.HttpClientName,
                FreshdeskClient.HttpClientName, FreshdeskClient.InteractiveHttpClientName);
        }
    }
}
