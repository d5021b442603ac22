using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>Answers shown only to the person who asked: the HTTP reply to a slash command, or a response_url post.</summary>
internal static class SlackReplies
{
    /// <summary>
    /// Only JSON's own escapes: replies go to Slack, never into an HTML page, so the date tokens' angle brackets and the
    /// card's emoji are written as they are instead of as \u escapes.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText ResponseTypeName = JsonEncodedText.Encode("response_type");
    private static readonly JsonEncodedText EphemeralValue = JsonEncodedText.Encode("ephemeral");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText BlocksName = JsonEncodedText.Encode("blocks");

    /// <summary>The slash command's HTTP reply, written straight to the response.</summary>
    public static IResult Ephemeral(TurnReply reply) => new EphemeralReply(reply);

    /// <summary>The sentence on top, then the card, when the card is shown (see <see cref="ShowsCard"/>); otherwise null.</summary>
    public static JsonArray? Blocks(TurnReply reply) =>
        ShowsCard(reply) ? BlockKitRenderer.Nodes(reply, static (writer, r) => WriteBlocks(writer, r)) : null;

    public static IResult Json(JsonObject body) => new JsonText(body.ToJsonString());

    /// <summary>What to say when no form can be opened (a chat line has no trigger_id, or Slack refused the modal).</summary>
    public static string FormHint(FormRequest form) => Messages.ChannelReplies.FormHint(form, "Slack");

    /// <summary>
    /// The card goes with the answer when it is what was asked for (<c>/incident show</c>). A card that only confirms a
    /// change is left out: Slack cannot update an ephemeral answer, and the live card is in the incident's own posts.
    /// </summary>
    private static bool ShowsCard(TurnReply reply) => reply.HasCard && !reply.ConfirmsChange;

    /// <summary>
    /// <c>{"response_type":"ephemeral","text":...,"blocks":[...]}</c>, the text escaped for mrkdwn as in every post (see
    /// <see cref="SlackApiClient"/>), the blocks only when the card is shown: the slash command's HTTP reply, and the payload
    /// of its acknowledgement over Socket Mode.
    /// </summary>
    public static void WriteEphemeral(Utf8JsonWriter writer, TurnReply reply)
    {
        writer.WriteStartObject();
        writer.WriteString(ResponseTypeName, EphemeralValue);
        writer.WriteString(TextName, BlockKitRenderer.Escape(reply.Text));
        if (ShowsCard(reply))
        {
            writer.WriteStartArray(BlocksName);
            WriteBlocks(writer, reply);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteBlocks(Utf8JsonWriter writer, TurnReply reply)
    {
        BlockKitRenderer.WritePrompt(writer, reply.Text, []);
        BlockKitRenderer.WriteCard(writer, reply.CardToShow!);
    }

    /// <summary>
    /// The ephemeral reply (<see cref="WriteEphemeral"/>) with its length. The JSON is written into a buffer kept per
    /// thread and copied into the response before anything is awaited, so a busy host builds no document tree and no
    /// string per reply.
    /// </summary>
    private sealed class EphemeralReply(TurnReply reply) : IResult
    {
        private const int KeepUpTo = 64 * 1024;

        [ThreadStatic]
        private static ArrayBufferWriter<byte>? t_buffer;

        [ThreadStatic]
        private static Utf8JsonWriter? t_writer;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
            var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            WriteEphemeral(writer, reply);
            writer.Flush();

            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = JsonText.ContentType;
            response.ContentLength = buffer.WrittenCount;
            response.BodyWriter.Write(buffer.WrittenSpan);
            if (buffer.Capacity > KeepUpTo)
            {
                // One unusually long reply does not keep a large buffer alive on this thread.
                t_buffer = null;
                t_writer = null;
            }

            return response.BodyWriter.FlushAsync(httpContext.RequestAborted).AsTask();
        }
    }
}
