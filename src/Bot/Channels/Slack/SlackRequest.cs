using System.Text;
using Jivrus.IncidentBot.Bot.Hosting;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// A request from Slack whose signature checked out: the raw body exactly as signed, and its form fields.
/// Reading stops at the size cap, so an oversized body is refused without being buffered whole.
/// </summary>
internal sealed class SlackRequest
{
    private SlackRequest(byte[] body) => Body = body;

    public byte[] Body { get; }

    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The form fields, decoded as they are read; one Slack left out reads as an empty string.</summary>
    public SlackForm Form => new(Body);

    /// <summary>The verified request, or the refusal to answer with (413, 401).</summary>
    public static async Task<(SlackRequest? Request, IResult? Refusal)> ReadAsync(
        HttpRequest http, SlackOptions options, TimeProvider time, ILogger log, CancellationToken ct)
    {
        var cap = options.MaxBodyBytes;
        if (await RequestBody.ReadAsync(http, cap, ct) is not { } body)
            return (null, TooLarge(cap));

        var check = new SlackSignature(options.SigningSecret!, time, options.ReplayWindow)
            .Verify(http.Headers["X-Slack-Request-Timestamp"], http.Headers["X-Slack-Signature"], body);
        if (check != SignatureCheck.Valid)
        {
            log.LogWarning("Refused a Slack request to {Path}: signature {Check}", http.Path, check);
            return (null, TypedResults.Text(Refusal(check), statusCode: StatusCodes.Status401Unauthorized));
        }

        return (new SlackRequest(body), null);
    }

    private static IResult TooLarge(int cap) =>
        TypedResults.Text($"Request body larger than {cap} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static string Refusal(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => "Missing Slack signature.",
        SignatureCheck.Stale => "Slack request timestamp outside the replay window.",
        _ => "Slack signature does not match.",
    };
}
