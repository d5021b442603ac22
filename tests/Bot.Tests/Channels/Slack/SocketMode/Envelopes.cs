using System.Text.Json.Nodes;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack.SocketMode;

/// <summary>Socket Mode envelopes as Slack sends them: <c>{envelope_id, type, payload, accepts_response_payload, ...}</c>.</summary>
public static class Envelopes
{
    public static JsonObject Command(string envelopeId, string text, string user = "U0EMP") => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["token"] = "deprecated",
            ["team_id"] = "T1",
            ["channel_id"] = "C0WHERE",
            ["user_id"] = user,
            ["command"] = "/incident",
            ["text"] = text,
            ["api_app_id"] = "A0TEST",
            ["response_url"] = "http://slack.test/hooks/cmd",
            ["trigger_id"] = "trigger-1",
        },
    };

    public static JsonObject Button(string envelopeId, string user, string actionId, string value, string channel = "C0INCIDENTS") => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "interactive",
        ["accepts_response_payload"] = false,
        ["payload"] = SlackHost.Pressed(user, actionId, value, channel),
    };

    public static JsonObject Mention(string envelopeId, string eventId, string text, int retryAttempt = 0) => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        ["payload"] = new JsonObject
        {
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["team_id"] = "T1",
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0EMP", ["text"] = text, ["channel"] = "C0GENERAL", ["ts"] = "1700000100.000100" },
        },
    };

    /// <summary>The report form sent back with the title left blank.</summary>
    public static JsonObject ReportWithoutTitle(string envelopeId) => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "interactive",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "U0EMP" },
            ["view"] = new JsonObject
            {
                ["callback_id"] = "incident.report",
                ["private_metadata"] = "C0WHERE",
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["title"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = " " } },
                        ["severity"] = new JsonObject
                        {
                            ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "sev2" } },
                        },
                    },
                },
            },
        },
    };
}
