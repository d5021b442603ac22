using System.Diagnostics;
using System.Globalization;

namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>
/// Processor time the host and this load tool used over a measured window, read from the operating system
/// (<see cref="Process.TotalProcessorTime"/>: user plus system time of every thread). With both on the same cores,
/// it tells a mix bound by CPU (the two together near all cores) from one held by something serial (cores left idle).
/// </summary>
internal sealed record CpuUse(TimeSpan? Host, TimeSpan Tool, TimeSpan Window, string? HostMissing)
{
    public static CpuSample Sample(int? hostPid)
    {
        using var self = Process.GetCurrentProcess();
        return new(hostPid, Read(hostPid), self.TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    public static CpuUse Between(CpuSample start, CpuSample end)
    {
        var window = Stopwatch.GetElapsedTime(start.At, end.At);
        var tool = end.Tool - start.Tool;
        if (start.HostPid is null)
            return new(null, tool, window, "no --host-pid");
        if (start.Host is not { } h0 || end.Host is not { } h)
            return new(null, tool, window, $"process {start.HostPid} could not be read");
        return new(h - h0, tool, window, null);
    }

    /// <summary>E.g. "cpu: host 1.15 cores (134.2 us/request), tool 0.61 cores (71.3 us/request), 0.23 of 2 cores left".</summary>
    public string Line(long requests)
    {
        double Cores(TimeSpan t) => t.TotalSeconds / Window.TotalSeconds;
        double PerRequest(TimeSpan t) => requests == 0 ? double.NaN : t.TotalMicroseconds / requests;
        var tool = string.Format(CultureInfo.InvariantCulture, "tool {0:F2} cores ({1:F1} us/request)", Cores(Tool), PerRequest(Tool));
        if (Host is not { } host)
            return $"        cpu: {tool} (host not measured: {HostMissing})";
        var idle = Environment.ProcessorCount - Cores(host) - Cores(Tool);
        return string.Format(CultureInfo.InvariantCulture, "        cpu: host {0:F2} cores ({1:F1} us/request), {2}, {3:F2} of {4} cores left",
            Cores(host), PerRequest(host), tool, idle, Environment.ProcessorCount);
    }

    private static TimeSpan? Read(int? pid)
    {
        if (pid is not { } id)
            return null;
        try
        {
            using var host = Process.GetProcessById(id);
            return host.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null; // the host is gone or not readable: the line says so
        }
    }
}

internal sealed record CpuSample(int? HostPid, TimeSpan? Host, TimeSpan Tool, long At);
