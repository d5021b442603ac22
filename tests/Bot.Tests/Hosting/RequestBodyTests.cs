using System.Text;
using Jivrus.IncidentBot.Bot.Hosting;
using Microsoft.AspNetCore.Http;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyWithinTheCap_IsReadWhole(bool lengthKnown)
    {
        var text = string.Concat(Enumerable.Repeat("text=report+something&", 1000));

        var body = await RequestBody.ReadAsync(Request(text, lengthKnown), 64 * 1024, CancellationToken.None);

        Encoding.UTF8.GetString(body!).Should().Be(text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyPastTheCap_IsRefused(bool lengthKnown)
    {
        var body = await RequestBody.ReadAsync(Request(new string('x', 5000), lengthKnown), 4096, CancellationToken.None);

        body.Should().BeNull();
    }

    [Fact]
    public async Task ABodyEndingBeforeItsDeclaredLength_IsWhatArrived()
    {
        var http = Request("short", lengthKnown: true);
        http.ContentLength = 100;

        var body = await RequestBody.ReadAsync(http, 4096, CancellationToken.None);

        Encoding.UTF8.GetString(body!).Should().Be("short");
    }

    private static HttpRequest Request(string body, bool lengthKnown)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        // A stream that hands out at most 100 bytes per read, as a socket does.
        context.Request.Body = new TrickleStream(bytes);
        context.Request.ContentLength = lengthKnown ? bytes.Length : null;
        return context.Request;
    }

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 100)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 100), cancellationToken);
    }
}
