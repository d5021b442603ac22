using System.Text;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Slack;

public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    [Fact]
    public void PublishedTestVector_IsValid()
    {
        var signature = Signature(secondsAfter: 0);

        signature.Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)).Should().Be(SignatureCheck.Valid);
    }

    [Fact]
    public void PublishedTestVector_SignsToThePublishedSignature()
    {
        Signature(0).Sign(Timestamp, Encoding.UTF8.GetBytes(Body)).Should().Be(Expected);
    }

    [Fact]
    public void RequestOlderThanFiveMinutes_IsStale()
    {
        Signature(secondsAfter: 301).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)).Should().Be(SignatureCheck.Stale);
    }

    [Fact]
    public void RequestFromTheFutureBeyondTheWindow_IsStale()
    {
        Signature(secondsAfter: -301).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body)).Should().Be(SignatureCheck.Stale);
    }

    [Fact]
    public void ChangedBody_DoesNotMatch()
    {
        Signature(0).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body + "x")).Should().Be(SignatureCheck.Mismatch);
    }

    [Fact]
    public void MissingHeaders_AreReportedAsMissing()
    {
        Signature(0).Verify(null, Expected, Encoding.UTF8.GetBytes(Body)).Should().Be(SignatureCheck.Missing);
        Signature(0).Verify("not-a-number", Expected, Encoding.UTF8.GetBytes(Body)).Should().Be(SignatureCheck.Missing);
    }

    [Fact]
    public void RepeatedChecks_WithTwoSecretsInTurn_EachMatchOnlyTheirOwnSecret()
    {
        // The keyed HMAC is kept between checks: it must be reset after each and re-keyed when the secret changes.
        var body = Encoding.UTF8.GetBytes(Body);
        var other = new SlackSignature("another-secret", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618)), TimeSpan.FromMinutes(5));
        var otherSigned = other.Sign(Timestamp, body);
        otherSigned.Should().NotBe(Expected);
        for (var i = 0; i < 3; i++)
        {
            Signature(0).Verify(Timestamp, Expected, body).Should().Be(SignatureCheck.Valid);
            other.Verify(Timestamp, otherSigned, body).Should().Be(SignatureCheck.Valid);
            other.Verify(Timestamp, Expected, body).Should().Be(SignatureCheck.Mismatch);
            Signature(0).Verify(Timestamp, Expected, Encoding.UTF8.GetBytes(Body + "x")).Should().Be(SignatureCheck.Mismatch);
        }
    }

    [Theory]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=")]
    public void MalformedSignature_DoesNotMatch(string signature)
    {
        Signature(0).Verify(Timestamp, signature, Encoding.UTF8.GetBytes(Body)).Should().Be(SignatureCheck.Mismatch);
    }

    private static SlackSignature Signature(int secondsAfter)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture) + secondsAfter));
        return new SlackSignature(Secret, time, TimeSpan.FromMinutes(5));
    }
}
