using Jivrus.IncidentBot.Bot.Http;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Slack settings (section <c>Slack</c>). The channel is on with the bot token and either the signing secret (Slack calls
/// the <c>/slack/*</c> endpoints) or the app-level token (the bot connects out over Socket Mode). The secrets are never
/// logged, echoed in replies or put into exception messages.
/// </summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information → App Credentials). No default.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot user OAuth token, <c>xoxb-…</c>. No default.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The app-level token, <c>xapp-…</c>, with the <c>connections:write</c> scope (Basic Information → App-Level Tokens).
    /// Set, it turns Socket Mode on: no public address is needed. No default.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>Socket Mode connections kept open at once, so one can take over while Slack refreshes another. Default 2, at most 10.</summary>
    public int SocketConnections { get; set; } = 2;

    /// <summary>First wait before a lost Socket Mode connection is opened again; doubled on each failure, jittered. Default 1 s.</summary>
    public TimeSpan SocketRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts to open a Socket Mode connection. Default 30 s.</summary>
    public TimeSpan SocketRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Web API base address. Default <c>https://slack.com/api/</c>; tests point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Largest request body accepted from Slack; larger ones get 413. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How far a request's timestamp may be from now before it is refused as a replay. Default 5 minutes.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Least time between two posts into one Slack conversation (Slack allows about one per second). Default 1 s.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Attempts per Web API call made while a person waits (a form, the answer to a button, the reply to a mention),
    /// the first included. Default 3. Outbox posts are sent once per round; the outbox retries them later.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First back-off of such a call after a 5xx or a dropped connection; doubled on each further attempt. Default 250 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest such a call may take, retries included, so the person's answer is not held past Slack's 3 s.
    /// A <c>Retry-After</c> longer than half of it is not waited for. Default 2 s.
    /// </summary>
    public TimeSpan CallBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one Web API request. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The retry of calls a person waits on.</summary>
    public RetryPolicy InteractiveRetry => new(MaxAttempts, RetryBaseDelay, CallBudget);

    /// <summary>Slack can reach the bot one way or the other, and the bot can answer.</summary>
    public bool Enabled => HttpEnabled || SocketMode;

    /// <summary>The <c>/slack/*</c> endpoints can check Slack's signature.</summary>
    public bool HttpEnabled => Has(SigningSecret) && Has(BotToken);

    /// <summary>Slack's requests come in over Socket Mode connections the bot opens.</summary>
    public bool SocketMode => Has(AppToken) && Has(BotToken);

    /// <summary>A sentence naming the first bad setting, or null when the settings are usable.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            return $"Slack:ApiBaseUrl must be an absolute http(s) address such as https://slack.com/api/ (it is '{ApiBaseUrl}').";
        if (MaxBodyBytes < 1024)
            return "Slack:MaxBodyBytes must be at least 1024 bytes.";
        if (ReplayWindow <= TimeSpan.Zero)
            return "Slack:ReplayWindow must be positive, e.g. 00:05:00.";
        if (PostInterval < TimeSpan.Zero || RetryBaseDelay < TimeSpan.Zero)
            return "Slack:PostInterval and Slack:RetryBaseDelay may not be negative.";
        if (CallBudget <= TimeSpan.Zero || CallBudget > TimeSpan.FromSeconds(3))
            return "Slack:CallBudget must be more than 0 and at most 00:00:03: Slack stops waiting for an answer after 3 seconds.";
        if (MaxAttempts < 1)
            return "Slack:MaxAttempts must be at least 1.";
        if (!string.IsNullOrWhiteSpace(BotToken) && !BotToken.StartsWith("xox", StringComparison.Ordinal))
            return "Slack:BotToken does not look like a Slack token (it should start with xoxb-).";
        if (Has(AppToken) && !AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
            return "Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write).";
        if (SocketConnections is < 1 or > 10)
            return "Slack:SocketConnections must be between 1 and 10: Slack allows at most 10 Socket Mode connections per app.";
        if (SocketRetryBaseDelay <= TimeSpan.Zero || SocketRetryMaxDelay < SocketRetryBaseDelay)
            return "Slack:SocketRetryBaseDelay must be positive and Slack:SocketRetryMaxDelay at least as long, e.g. 00:00:01 and 00:00:30.";
        return null;
    }

    private static bool Has(string? secret) => !string.IsNullOrWhiteSpace(secret);

    /// <summary>The base address with a trailing slash, so relative method names append instead of replacing.</summary>
    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");
}
