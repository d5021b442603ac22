using System.Reflection;
using Jivrus.IncidentBot.Bot.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>Traces leave the process over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> says where to.</summary>
public sealed class OtlpExportTests
{
    private const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EndpointUnset_NoTraceIsExported(string endpoint)
    {
        // Set to blank rather than left out: the builder also reads the process environment, which may have it.
        var processor = TraceProcessor(endpoint);

        processor.Should().BeNull();
    }

    [Fact]
    public void EndpointSet_TracesGoToTheOtlpExporterInBatches()
    {
        var processor = TraceProcessor("http://127.0.0.1:4317");

        processor.Should().Be("BatchActivityExportProcessor{OtlpTraceExporter}");
    }

    /// <summary>
    /// What the tracer provider hands finished spans to, as the SDK names it. The SDK keeps the chain out of its public
    /// surface, so it is read by reflection; a renamed member fails here rather than passing unnoticed. Building the
    /// provider opens no connection: the exporter only sends when a batch is due.
    /// </summary>
    private static string? TraceProcessor(string endpoint)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[EndpointKey] = endpoint;
        builder.AddObservability();
        using var services = builder.Services.BuildServiceProvider();
        var tracing = services.GetRequiredService<TracerProvider>();

        var chain = tracing.GetType().GetProperty("Processor", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

        chain.Should().NotBeNull("the SDK's tracer provider keeps its processors in a Processor property");
        return chain!.GetValue(tracing)?.ToString();
    }
}
