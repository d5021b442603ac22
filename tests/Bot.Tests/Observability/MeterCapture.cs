using System.Diagnostics.Metrics;
using Jivrus.IncidentBot.Workflow.Observability;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Observability;

/// <summary>
/// Records the counters and histograms of one host's meter (not the other hosts' in the same test run, whose meters
/// share the name). Observable gauges are left out: they are read by the exporter, see the <c>/metrics</c> tests.
/// </summary>
public sealed class MeterCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly List<(string Name, double Value, Dictionary<string, string> Tags)> _measurements = [];

    public MeterCapture(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.GetType().Name is not ("ObservableGauge`1" or "ObservableCounter`1"))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public static MeterCapture Of<TEntry>(WebApplicationFactory<TEntry> host)
        where TEntry : class =>
        new(host.Services.GetRequiredService<WorkflowMetrics>().Meter);

    /// <summary>Each measurement of <paramref name="name"/> as "value tag=value,tag=value", in the order recorded.</summary>
    public IReadOnlyList<string> Of(string name)
    {
        lock (_gate)
        {
            return _measurements.Where(m => m.Name == name)
                .Select(m => $"{m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {string.Join(',', m.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}")
                .ToList();
        }
    }

    /// <summary>The names of every instrument that recorded something, once each, sorted.</summary>
    public IReadOnlyList<string> Names()
    {
        lock (_gate)
            return _measurements.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string>();
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value?.ToString() ?? "";
        lock (_gate)
            _measurements.Add((instrument.Name, value, copy));
    }
}
