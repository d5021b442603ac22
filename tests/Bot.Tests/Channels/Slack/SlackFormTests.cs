using System.Text;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Microsoft.AspNetCore.WebUtilities;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackFormTests
{
    private static SlackForm Form(string body) => new(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void SlashCommandBody_ReadsEachField()
    {
        var form = Form("token=x&team_id=T0001&channel_id=C0GENERAL&user_id=U0EMP&user_name=eve&command=%2Fincident"
            + "&text=report+Caf%C3%A9+%22down%22+%F0%9F%94%A5+%26+co+impact%3A+no+orders&response_url=https%3A%2F%2Fhooks.slack.com%2Fx");

        form["channel_id"].Should().Be("C0GENERAL");
        form["user_id"].Should().Be("U0EMP");
        form["command"].Should().Be("/incident");
        form["text"].Should().Be("report Café \"down\" 🔥 & co impact: no orders");
        form["response_url"].Should().Be("https://hooks.slack.com/x");
    }

    [Theory]
    [InlineData("a=1&b=2", "c", "")]
    [InlineData("a=1&b=", "b", "")]
    [InlineData("a=1&b", "b", "")]
    [InlineData("", "a", "")]
    [InlineData("a=1&a=2", "a", "1")]
    [InlineData("a=x%3Dy=z", "a", "x=y=z")]
    [InlineData("a=100%25+sure+100%", "a", "100% sure 100%")]
    [InlineData("ab=1&a=2", "a", "2")]
    [InlineData("b=1&%61=2", "a", "2")]
    [InlineData("&&a=1&", "a", "1")]
    public void EdgeCases(string body, string name, string expected)
    {
        Form(body)[name].Should().Be(expected);
    }

    [Fact]
    public void RandomBodies_ReadLikeAspNetCoresQueryParser()
    {
        // Every valid encoding the parser may meet; for each name sent once, the value must match ASP.NET Core's reading.
        string[] names = ["user_id", "text", "command", "a", "b"];
        string[] pieces = ["x", "Z", "9", "+", "%20", "%26", "%3D", "%25", "%2B", "%C3%A9", "%F0%9F%94%A5", "-", "."];
        var random = new Random(20261127);
        for (var round = 0; round < 2000; round++)
        {
            var pairs = Enumerable.Range(0, random.Next(0, 7)).Select(_ =>
                names[random.Next(names.Length)] + "=" + string.Concat(Enumerable.Range(0, random.Next(0, 9)).Select(_ => pieces[random.Next(pieces.Length)])));
            var body = string.Join('&', pairs);

            var expected = QueryHelpers.ParseQuery(body);
            var form = Form(body);
            foreach (var (name, values) in expected.Where(e => e.Value.Count == 1))
                form[name].Should().Be(values.ToString(), body);
            foreach (var absent in names.Where(n => !expected.ContainsKey(n)))
                form[absent].Should().BeEmpty(body);
        }
    }
}
