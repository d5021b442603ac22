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

    /// <summary>Attempts per API call on 5xx, timeouts and short 429s. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubles per attempt. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A 429 whose Retry-After is at most this long is waited out inside the call; longer ones go back to the caller. Default 5 s.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When <c>X-Ratelimit-Remaining</c> falls to this or below, calls slow down. Default 10.</summary>
    public int LowRemaining { get; set; } = 10;

    /// <summary>The pause before each call while the remaining budget is low. Default 2 s.</summary>
    public TimeSpan LowRemainingPause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-request timeout. Default 15 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts before a note is given up (and logged). Default 10.</summary>
    public int NoteMaxAttempts { get; set; } = 10;

    public bool Enabled =>
        !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    /// <summary>The base URL with the trailing slash relative paths need.</summary>
    public Uri BaseUri => new(BaseUrl!.EndsWith('/') ? BaseUrl : BaseUrl + "/");
}
