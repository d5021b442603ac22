using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using static Jivrus.IncidentBot.Bot.Channels.Slack.SlackJson;

namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into the call the HTTP endpoint would have made (the same <see cref="SlackCommands"/>,
/// <see cref="SlackInteractions"/>, <see cref="SlackEvents"/>) and acknowledges it with its <c>envelope_id</c>. A slash
/// command's answer, or a modal's <c>response_action</c>, rides in the acknowledgement's <c>payload</c>, as it would in the
/// HTTP reply. No signature here: the connection itself was opened with the app token.
/// </summary>
internal sealed class SocketEnvelopes(
    SlackCommands commands,
    SlackInteractions interactions,
    SlackEvents events,
    EnvelopeMemory seen,
    ILogger<SocketEnvelopes> log)
{
    private static readonly JsonEncodedText EnvelopeIdName = JsonEncodedText.Encode("envelope_id");
    private static readonly JsonEncodedText PayloadName = JsonEncodedText.Encode("payload");

    /// <summary>Handles the envelope (the document is this method's to dispose) and sends its acknowledgement through <paramref name="send"/>.</summary>
    public async Task HandleAsync(JsonDocument document, Func<ReadOnlyMemory<byte>, CancellationToken, Task> send, CancellationToken ct)
    {
        using (document)
        {
            var envelope = document.RootElement;
            var id = Str(envelope, "envelope_id")!;
            var type = Str(envelope, "type") ?? "";
            var accepts = envelope.TryGetProperty("accepts_response_payload", out var a) && a.ValueKind == JsonValueKind.True;
            if (!seen.TryAdd(id, out var first))
            {
                // The person saw nothing of the first answer if its acknowledgement was lost, so the repeat carries it
                // again; waited for when the first delivery is still running on another connection.
                var earlier = await first.Task.WaitAsync(ct);
                log.LogDebug("Slack envelope {EnvelopeId} ({Type}) came again; acknowledged without acting twice", id, type);
                await AckAsync(send, id, accepts ? earlier : null, ct);
                return;
            }

            var payload = envelope.TryGetProperty("payload", out var p) ? p : default;
            var answer = SlackAnswer.None;
            try
            {
                switch (type)
                {
                    case "events_api":
                        // Acknowledged first: an event is answered by a post of its own, and the ledger keeps a retry
                        // (a new envelope, the same event_id) from acting twice.
                        await AckAsync(send, id, null, ct);
                        await events.HandleAsync(payload, RetryAttempt(envelope), ct);
                        return;
                    case "slash_commands":
                        answer = await commands.HandleAsync(SlashCommand.From(payload), ct);
                        break;
                    case "interactive":
                        answer = await interactions.HandleAsync(payload, ct);
                        break;
                    default:
                        log.LogDebug("Slack envelope {EnvelopeId} of type {Type} acknowledged and ignored", id, type);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "A Slack {Type} envelope failed", type);
                if (type == "events_api")
                    return;
            }
            finally
            {
                first.TrySetResult(answer);
            }

            await AckAsync(send, id, accepts ? answer : null, ct);
        }
    }

    /// <summary><c>{"envelope_id":"…"}</c>, with <c>"payload":{…}</c> when the answer has one.</summary>
    public static ReadOnlyMemory<byte> Acknowledgement(string envelopeId, SlackAnswer? answer)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, SlackReplies.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(EnvelopeIdName, envelopeId);
            if (answer is { HasPayload: true })
            {
                writer.WritePropertyName(PayloadName);
                answer.WritePayload(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private async Task AckAsync(Func<ReadOnlyMemory<byte>, CancellationToken, Task> send, string id, SlackAnswer? answer, CancellationToken ct)
    {
        try
        {
            await send(Acknowledgement(id, answer), ct);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            log.LogWarning("Could not acknowledge Slack envelope {EnvelopeId}: its connection closed ({Kind})", id, ex.GetType().Name);
        }
    }

    private static string? RetryAttempt(JsonElement envelope) =>
        envelope.TryGetProperty("retry_attempt", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var attempt) && attempt > 0
            ? attempt.ToString(CultureInfo.InvariantCulture)
            : null;
}
