using System.Security.Cryptography;
using System.Text;

namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>Builds a slash command request the way Slack sends it: a form body signed with the app's signing secret.</summary>
internal sealed class SlashCommand(string signingSecret)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public HttpRequestMessage Build(Uri url, string command, string text, string userId, long sequence)
    {
        var body = string.Join('&',
            Field("token", "bench-verification-token"),
            Field("team_id", "T0BENCH"),
            Field("team_domain", "bench"),
            Field("channel_id", "C0BENCH"),
            Field("channel_name", "bench"),
            Field("user_id", userId),
            Field("user_name", "bench"),
            Field("command", command),
            Field("text", text),
            Field("api_app_id", "A0BENCH"),
            Field("response_url", $"https://hooks.slack.com/commands/T0BENCH/{sequence}/bench"),
            Field("trigger_id", $"{sequence}.bench.trigger"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(timestamp, body));
        return request;
    }

    /// <summary>v0= HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>, lower-case hex.</summary>
    public string Sign(string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    private static string Field(string name, string value) => $"{name}={Uri.EscapeDataString(value)}";
}
