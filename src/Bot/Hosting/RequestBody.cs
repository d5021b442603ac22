using System.Buffers;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Reads a request body whole, up to a size cap. With a Content-Length (what Slack sends) the body is read straight into
/// an array of that size; without one it is gathered chunk by chunk and refused as soon as it passes the cap, so an
/// oversized body is never buffered whole.
/// </summary>
internal static class RequestBody
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="cap"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest http, int cap, CancellationToken ct)
    {
        if (http.ContentLength is { } length)
        {
            if (length > cap)
                return null;
            var body = new byte[length];
            var filled = 0;
            while (filled < body.Length)
            {
                var read = await http.Body.ReadAsync(body.AsMemory(filled), ct);
                if (read == 0)
                    return body[..filled];
                filled += read;
            }

            return body;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            using var gathered = new MemoryStream();
            int read;
            while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (gathered.Length + read > cap)
                    return null;
                gathered.Write(chunk, 0, read);
            }

            return gathered.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
