using System.Text;
using System.Text.Json;
using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>The JSON answers of <c>POST /alerts/{source}</c> once intake has taken a batch in.</summary>
internal static class AlertReply
{
    private const string Json = "application/json; charset=utf-8";

    /// <summary>200: per group, its key, the incident it landed on (null when none) and what happened there.</summary>
    public static IResult Accepted(AlertIntakeResult result) => Write(StatusCodes.Status200OK, json =>
    {
        json.WriteString("status", "accepted");
        json.WriteStartArray("groups");
        foreach (var group in result.Groups)
        {
            json.WriteStartObject();
            json.WriteString("key", group.Key);
            if (group.IncidentNumber is { } number)
                json.WriteString("incident", IncidentId.Format(number));
            else
                json.WriteNull("incident");
            json.WriteString("effect", JsonNamingPolicy.CamelCase.ConvertName(group.Effect.ToString()));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>202 as PagerDuty's Events API answers, with the key later acknowledge and resolve events name.</summary>
    public static IResult EventProcessed(string dedupKey) => Write(StatusCodes.Status202Accepted, json =>
    {
        json.WriteString("status", "success");
        json.WriteString("message", "Event processed");
        json.WriteString("dedup_key", dedupKey);
    });

    private static IResult Write(int status, Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }

        return TypedResults.Text(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), Json, Encoding.UTF8, status);
    }
}
