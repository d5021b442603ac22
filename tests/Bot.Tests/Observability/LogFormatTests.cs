using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Bot.Observability;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary><c>Logging:Format</c>: one setting for JSON console logs.</summary>
public sealed class LogFormatTests
{
    [Fact]
    public async Task LoggingFormatJson_WritesTheConsoleAsJson()
    {
        await using var host = new BotHost("json-logs", settings: ("Logging:Format", "json"));

        var console = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        console.FormatterName.Should().Be(ConsoleFormatterNames.Json);
    }

    [Fact]
    public async Task LoggingFormatUnset_KeepsTheReadableConsole()
    {
        await using var host = new BotHost("text-logs");

        var console = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        console.FormatterName.Should().BeNull();
    }

    [Fact]
    public void LoggingFormat_Unknown_StopsStartUpNamingTheKeyAndTheChoices()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Logging:Format"] = "jsno";

        var start = () => builder.AddObservability();

        start.Should().Throw<StartupException>().Which.Message.Should().Be("Logging:Format 'jsno' is not one of text, json.");
    }
}
