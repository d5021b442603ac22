namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>Reads server-sent events one at a time from a response stream (just enough of the format for tests).</summary>
internal sealed class SseReader(HttpClient client, HttpResponseMessage response, Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    public async Task<(string Event, string? Id, string Data)> NextAsync(CancellationToken ct)
    {
        string kind = "message", data = "";
        string? id = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                    return (kind, id, data);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event": kind = value; break;
                case "id": id = value; break;
                case "data": data = data.Length == 0 ? value : $"{data}\n{value}"; break;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        response.Dispose();
        client.Dispose();
    }
}
