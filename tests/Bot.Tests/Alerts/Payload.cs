using System.Text;
using FluentAssertions.Equivalency;
using Jivrus.IncidentBot.Bot.Alerts;
using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts;

/// <summary>Recorded bodies under Alerts/Payloads, written from each sender's documentation, and the sources that read them.</summary>
internal static class Payload
{
    public static readonly AlertSourcePlan Prometheus = new() { Id = "prometheus", Kind = AlertKind.Alertmanager };
    public static readonly AlertSourcePlan Grafana = new() { Id = "grafana", Kind = AlertKind.Grafana };
    public static readonly AlertSourcePlan Backups = new() { Id = "backups", Kind = AlertKind.Events };

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Alerts", "Payloads", name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    public static AlertRead Read(string name, AlertSourcePlan source) => AlertReaders.Read(Bytes(name), source);

    public static AlertRead ReadJson(string json, AlertSourcePlan source) => AlertReaders.Read(Encoding.UTF8.GetBytes(json), source);

    public static KeyValuePair<string, string> L(string name, string value) => new(name, value);

    /// <summary>Records compared member by member (their lists element by element, in order), not by reference.</summary>
    public static EquivalencyAssertionOptions<AlertBatch> Exactly(EquivalencyAssertionOptions<AlertBatch> options) =>
        options.ComparingRecordsByMembers().WithStrictOrdering();
}
