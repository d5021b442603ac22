using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Freshdesk;
using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Bot.Links;
using Jivrus.IncidentBot.Bot.Scheduling;
using Microsoft.AspNetCore.Builder;

namespace Jivrus.IncidentBot.Bot.Tests.Hosting;

/// <summary>One bad value per options section, checked as Program checks them right after the host is built.</summary>
public sealed class OptionsCheckTests
{
    [Theory]
    [InlineData("Scheduling:TickInterval", "00:00:00", "Scheduling:TickInterval must be between 00:00:00.050 and 00:01:00; it is 00:00:00.")]
    [InlineData("Scheduling:Lease", "00:00:01", "Scheduling:Lease must be between 00:00:05 and 01:00:00; it is 00:00:01.")]
    [InlineData("Scheduling:BatchSize", "abc", "Scheduling:BatchSize must be a whole number; it is 'abc'.")]
    [InlineData("Delivery:PollInterval", "-00:00:01", "Delivery:PollInterval must be between 00:00:00.050 and 00:01:00; it is -00:00:01.")]
    [InlineData("Delivery:ConversationsInParallel", "0", "Delivery:ConversationsInParallel must be between 1 and 64; it is 0.")]
    [InlineData("Delivery:MaxBackoff", "00:00:01", "Delivery:MaxBackoff must be between 00:00:02 and 1.00:00:00; it is 00:00:01.")]
    [InlineData("Freshdesk:CallBudget", "00:00:05", "Freshdesk:CallBudget must be between 00:00:00.100 and 00:00:03; it is 00:00:05.")]
    [InlineData("Freshdesk:BaseUrl", "acme.freshdesk.com", "Freshdesk:BaseUrl must be an absolute http(s) address such as https://yourcompany.freshdesk.com/api/v2/; it is 'acme.freshdesk.com'.")]
    [InlineData("Links:SigningKey", "short-key", "Links:SigningKey is too short (9 characters); use at least 32 random characters (for example the output of `openssl rand -hex 32`), or remove it and the bot keeps a generated key in its database.")]
    [InlineData("Links:Lifetime", "00:00:30", "Links:Lifetime must be between 00:01:00 and 366.00:00:00; it is 00:00:30.")]
    [InlineData("Bot:PublicBaseUrl", "incidentbot.example.com", "Bot:PublicBaseUrl must be an absolute http(s) address without a query, such as https://incidentbot.example.com/; it is 'incidentbot.example.com'.")]
    [InlineData("LocalChat:Enabled", "maybe", "LocalChat:Enabled must be true or false; it is 'maybe'.")]
    [InlineData("LocalChat:AllowRemote", "yes", "LocalChat:AllowRemote must be true or false; it is 'yes'.")]
    [InlineData("Slack:CallBudget", "00:00:04", "Slack:CallBudget must be more than 0 and at most 00:00:03: Slack stops waiting for an answer after 3 seconds.")]
    [InlineData("Teams:SendAttempts", "0", "Teams:SendAttempts must be between 1 and 10.")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.5, proxy.internal", "ForwardedHeaders:KnownProxies must list IP addresses such as 10.0.0.5; 'proxy.internal' is not one.")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks must list networks in CIDR form such as 10.0.0.0/8; '10.0.0.0/33' is not one.")]
    public async Task Passes_WithABadValue_FailsWithOneSentenceNamingTheKey(string key, string value, string sentence)
    {
        var teamsOn = key.StartsWith("Teams:", StringComparison.Ordinal);
        await using var app = Build(teamsOn
            ? [(key, value), ("Teams:AppId", "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"), ("Teams:AppPassword", "p")]
            : [(key, value)]);
        var stderr = new StringWriter();

        var passes = OptionsCheck.Passes(app.Services, stderr);

        passes.Should().BeFalse();
        stderr.ToString().Should().Be($"IncidentBot did not start: {sentence}{Environment.NewLine}");
    }

    [Fact]
    public async Task Passes_WithTwoBadSections_NamesBoth()
    {
        await using var app = Build(("Delivery:BatchSize", "0"), ("Scheduling:TickInterval", "00:02:00"));
        var stderr = new StringWriter();

        var passes = OptionsCheck.Passes(app.Services, stderr);

        passes.Should().BeFalse();
        stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(
            "IncidentBot did not start: Delivery:BatchSize must be between 1 and 10000; it is 0.",
            "IncidentBot did not start: Scheduling:TickInterval must be between 00:00:00.050 and 00:01:00; it is 00:02:00.");
    }

    [Fact]
    public async Task Passes_WithTheDefaults_SaysNothing()
    {
        await using var app = Build();
        var stderr = new StringWriter();

        var passes = OptionsCheck.Passes(app.Services, stderr);

        passes.Should().BeTrue();
        stderr.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Sqlite", "Storage:DataFolder", "Storage:DataFolder must name the folder for the SQLite file, such as data; it is empty.")]
    [InlineData("InMemory", "Storage:InMemoryName", "Storage:InMemoryName must name the in-memory database, such as incidents; it is empty.")]
    public void AddWorkflow_WithAnEmptyStorageSetting_FailsWithOneSentence(string provider, string key, string sentence)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Storage:Provider"] = provider;
        builder.Configuration[key] = " ";

        var start = () => builder.AddWorkflow();

        start.Should().Throw<StartupException>().Which.Message.Should().Be(sentence);
    }

    [Theory]
    [InlineData(250, "00:00:00.250")]
    [InlineData(90_061_001, "1.01:01:01.001")]
    [InlineData(-1_000, "-00:00:01")]
    public void Duration_IsWrittenAsConfigurationTakesIt(long milliseconds, string expected) =>
        SettingRange.Duration(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);

    /// <summary>Every options section registered as Program registers it, on top of the given settings.</summary>
    private static WebApplication Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        builder.Services.AddDelivery().AddScheduling().AddLocalChannel().AddFreshdesk().AddTeamsChannel().AddProxyHeaders().AddSignedLinks();
        builder.AddSlackChannel();
        return builder.Build();
    }
}
