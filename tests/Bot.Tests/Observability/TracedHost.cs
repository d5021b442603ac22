using System.Diagnostics;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>
/// The host with the local chat page on and every finished span also kept in <see cref="Spans"/>. Trace listeners are
/// process-wide, so a test reads only the spans of a trace it started itself (<see cref="Of"/>).
/// </summary>
internal sealed class TracedHost(TimeProvider? clock = null, params (string Key, string Value)[] settings)
    : BotHost("traced", clock, settings: settings)
{
    private readonly List<Activity> _spans = [];

    /// <summary>The spans of one trace, in the order they ended.</summary>
    public IReadOnlyList<Activity> Of(ActivityTraceId trace)
    {
        lock (_spans)
            return _spans.Where(s => s.TraceId == trace).ToList();
    }

    /// <summary>A sampled trace for the test's own calls: spans started under it join it.</summary>
    public static Activity StartTrace()
    {
        var parent = new Activity("test");
        parent.SetIdFormat(ActivityIdFormat.W3C);
        parent.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        return parent.Start();
    }

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

    protected override void ReplaceServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new Locked(_spans)));

    // The exporter adds from the thread that ended the span; the test reads from its own.
    private sealed class Locked(List<Activity> spans) : System.Collections.ObjectModel.Collection<Activity>
    {
        protected override void InsertItem(int index, Activity item)
        {
            lock (spans)
                spans.Add(item);
        }
    }
}
