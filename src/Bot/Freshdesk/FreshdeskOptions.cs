using Jivrus.IncidentBot.Bot.Http;

namespace Jivrus.IncidentBot.Bot.Freshdesk;

/// <summary>Freshdesk settings (section <c>Freshdesk</c>). Off unless the URL, the API key and the webhook secret are all set.</summary>
public sealed class FreshdeskOptions
{
    public const string Section = "Freshdesk";

    /// <summary>The API base, e.g. <c>https://yourcompany.freshdesk.com/api/v2/</c>. No default.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>An agent's API key; sent as the basic-auth user name with password <c>X</c>. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The shared secret Freshdesk's automation rule sends in the <c>X-Webhook-Secret</c> header. Never logged.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Attempts per call a person or a webhook waits on (the ticket refetched for a <c>/ticket</c> command), on 5xx,
    /// dropped connections and short 429s, the first included. Default 3. Notes and replies are sent once per round;
    /// the write-back retries them later.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry delay of such a call; doubles per attempt. Default 250 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest such a call may take, retries included, so a ticket command still answers inside Slack's 3 s. A
    /// Retry-After longer than half of it is not waited for (the person is asked to try again). Default 2 s.
    /// </summary>
    public TimeSpan CallBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When <c>X-Ratelimit-Remaining</c> falls to this or below, calls slow down. Default 10.</summary>
    public int LowRemaining { get; set; } = 10;

    /// <summary>The pause before each call while the remaining budget is low. Default 2 s.</summary>
    public TimeSpan LowRemainingPause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-request timeout. Default 15 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts before a note is given up (and logged). Default 10.</summary>
    public int NoteMaxAttempts { get; set; } = 10;

    /// <summary>The retry of calls a person or a webhook waits on.</summary>
    internal RetryPolicy InteractiveRetry => new(Math.Max(1, MaxAttempts), RetryBaseDelay, CallBudget > TimeSpan.Zero ? CallBudget : TimeSpan.FromSeconds(2));

    public bool Enabled =>
        !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    /// <summary>The base URL with the trailing slash relative paths need.</summary>
    public Uri BaseUri => new(BaseUrl!.EndsWith('/') ? BaseUrl : BaseUrl + "/");
}
