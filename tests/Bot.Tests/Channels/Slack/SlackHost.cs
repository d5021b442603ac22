using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

/// <summary>
/// The real host (<see cref="BotHost"/>) with Slack secrets set and the fake Slack Web API behind both of its clients;
/// the outbox is flushed by the test instead of the background loop.
/// </summary>
public sealed class SlackHost : BotHost
{
    public const string Secret = "test-signing-secret";
    public const string Token = "xoxb-test-token";
    public const string ApiBase = "http://slack.test/api/";
    public const string AppToken = "xapp-1-A0TEST-1-socketmodetesttoken";

    public SlackHost(bool slackOn = true)
        : base("slack", settings: Settings(slackOn, []))
    {
    }

    /// <summary>A host on a fake clock (requests are signed at its time), with extra settings such as <c>ResponsePlan:Path</c>.</summary>
    public SlackHost(FakeTimeProvider time, params (string Key, string Value)[] settings)
        : base("slack", time, settings: Settings(slackOn: true, settings)) => Time = time;

    /// <summary>
    /// A host that Slack reaches over Socket Mode only: the bot and app tokens, no signing secret; lost connections are
    /// reopened after milliseconds rather than seconds. Point <see cref="FakeSlackApi.SocketUrl"/> at a fake Socket Mode
    /// server before the host starts.
    /// </summary>
    public static SlackHost SocketMode(params (string Key, string Value)[] settings) => new(socketMode: true, settings);

    private SlackHost(bool socketMode, (string Key, string Value)[] settings)
        : base("slack", settings:
        [
            ("Slack:ApiBaseUrl", ApiBase),
            ("Slack:PostInterval", "00:00:00"),
            ("Slack:RetryBaseDelay", "00:00:00.010"),
            ("Slack:BotToken", Token),
            ("Slack:AppToken", socketMode ? AppToken : ""),
            ("Slack:SocketRetryBaseDelay", "00:00:00.010"),
            ("Slack:SocketRetryMaxDelay", "00:00:00.100"),
            ("Logging:LogLevel:Jivrus.IncidentBot.Bot.Channels.Slack", "Debug"),
            .. settings,
        ]) => Logs = new LogRecorder();

    /// <summary>Every line the host logged (Slack's at Debug and above), on the Socket Mode host only.</summary>
    public LogRecorder? Logs { get; }

    /// <summary>The host's clock when it runs on a fake one; null on the system clock.</summary>
    public FakeTimeProvider? Time { get; }

    public FakeSlackApi Slack { get; } = new();

    /// <summary>The neutral messages the dispatcher handed every channel, in order.</summary>
    public RecordingAdapter Posts { get; } = new();

    protected override void ReplaceServices(IServiceCollection services)
    {
        Route(services, () => Slack, SlackApiClient.HttpClientName, SlackApiClient.InteractiveHttpClientName, SocketUrlClient.HttpClientName);
        services.AddSingleton<IChannelAdapter>(Posts);
        if (Logs is not null)
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
    }

    private static (string Key, string Value)[] Settings(bool slackOn, (string Key, string Value)[] extra) =>
    [
        ("Slack:ApiBaseUrl", ApiBase),
        ("Slack:PostInterval", "00:00:00"),
        ("Slack:RetryBaseDelay", "00:00:00.010"),
        .. slackOn ? new[] { ("Slack:SigningSecret", Secret), ("Slack:BotToken", Token) } : [],
        .. extra,
    ];

    /// <summary>Delivers everything the outbox holds, as the background loop would.</summary>
    public async Task FlushAsync()
    {
        for (var round = 0; round < 10 && await DeliverOnceAsync() > 0; round++)
        {
        }
    }

    public Task<HttpResponseMessage> CommandAsync(string user, string command, string text, string channel = "C0WHERE") =>
        PostSignedAsync("/slack/commands", Form(("command", command), ("text", text), ("user_id", user), ("channel_id", channel),
            ("team_id", "T1"), ("response_url", "http://slack.test/hooks/cmd"), ("trigger_id", "trigger-1")));

    public Task<HttpResponseMessage> PressAsync(string user, string actionId, string value, string channel = "C0INCIDENTS") =>
        PostSignedAsync("/slack/interactions", Form(("payload", Pressed(user, actionId, value, channel).ToJsonString())));

    /// <summary>The <c>block_actions</c> payload of a pressed button, as HTTP posts it and a Socket Mode envelope carries it.</summary>
    public static JsonObject Pressed(string user, string actionId, string value, string channel) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user },
        ["channel"] = new JsonObject { ["id"] = channel },
        ["trigger_id"] = "trigger-2",
        ["response_url"] = "http://slack.test/hooks/action",
        ["actions"] = new JsonArray { new JsonObject { ["action_id"] = actionId, ["value"] = value, ["block_id"] = "b" } },
    };

    /// <summary>Submits a modal; <paramref name="values"/> maps block ids to typed text (or a selected option for severity).</summary>
    public Task<HttpResponseMessage> SubmitAsync(string user, string callbackId, string metadata, params (string Field, string Value)[] values)
    {
        var state = new JsonObject();
        foreach (var (field, value) in values)
        {
            state[field] = new JsonObject
            {
                ["value"] = field switch
                {
                    "severity" => new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } },
                    // A checkbox group: the value names the one box ticked.
                    "private" => new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = value }) },
                    _ => new JsonObject { ["type"] = "plain_text_input", ["value"] = value },
                },
            };
        }

        return PostSignedAsync("/slack/interactions", Form(("payload", new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user },
            ["view"] = new JsonObject { ["callback_id"] = callbackId, ["private_metadata"] = metadata, ["state"] = new JsonObject { ["values"] = state } },
        }.ToJsonString())));
    }

    public Task<HttpResponseMessage> EventAsync(JsonObject envelope, int? retry = null) =>
        PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json", retry);

    public async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType = "application/x-www-form-urlencoded", int? retry = null, long? timestamp = null)
    {
        var ts = (timestamp ?? (Time?.GetUtcNow() ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = new SlackSignature(Secret, Time ?? TimeProvider.System, TimeSpan.FromMinutes(5)).Sign(ts, Encoding.UTF8.GetBytes(body));
        return await PostAsync(path, body, contentType, ts, signature, retry);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, string? timestamp, string? signature, int? retry = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (timestamp is not null)
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        if (signature is not null)
            request.Headers.Add("X-Slack-Signature", signature);
        if (retry is { } n)
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await CreateClient().SendAsync(request);
    }

    public async Task<IncidentView> IncidentAsync(int number) => (await Desk.ShowAsync(number)).Incident!;

    public async Task<IReadOnlyList<IncidentView>> OpenIncidentsAsync() =>
        (await Desk.ListAsync(IncidentFilter.Open, Actor.Timer)).Shown;

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
