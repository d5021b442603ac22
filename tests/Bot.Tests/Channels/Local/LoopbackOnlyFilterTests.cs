using System.Net;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

public sealed class LoopbackOnlyFilterTests
{
    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("203.0.113.9", false, false)]
    [InlineData("203.0.113.9", true, true)]
    public void IsAllowed_DependsOnTheCallerAndTheSetting(string remote, bool allowRemote, bool expected)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        var allowed = Filter(allowRemote).IsAllowed(http);

        allowed.Should().Be(expected);
    }

    [Theory]
    [InlineData("X-Forwarded-For", false, false)]
    [InlineData("X-Real-IP", false, false)]
    [InlineData("Forwarded", false, false)]
    [InlineData("X-Forwarded-For", true, true)]
    public void IsAllowed_FromLoopbackWithAForwardingHeader_DependsOnTheSetting(string header, bool allowRemote, bool expected)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Headers[header] = "203.0.113.9";

        var allowed = Filter(allowRemote).IsAllowed(http);

        allowed.Should().Be(expected);
    }

    private static LoopbackOnlyFilter Filter(bool allowRemote) =>
        new(Options.Create(new LocalChatOptions { AllowRemote = allowRemote }));
}
