using System.Net;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

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
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LocalChat:AllowRemote"] = allowRemote.ToString() })
            .Build();
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        var allowed = new LoopbackOnlyFilter(configuration).IsAllowed(http);

        allowed.Should().Be(expected);
    }
}
