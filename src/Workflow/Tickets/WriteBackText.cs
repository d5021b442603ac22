using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>The words written back to Freshdesk tickets linked to an incident.</summary>
public static class WriteBackText
{
    /// <summary>Private note when the linked incident is resolved.</summary>
    public static string ResolutionNote(Incident incident) =>
        $"{incident.Id} ({incident.Title}) was resolved by {incident.OwnerName ?? "the response team"}. Resolution: {incident.Resolution}";

    /// <summary>Private note when the linked incident's root-cause analysis is submitted.</summary>
    public static string RcaNote(Incident incident) =>
        $"Root-cause analysis of {incident.Id} ({incident.Title}): {incident.RcaRootCause}"
        + (string.IsNullOrWhiteSpace(incident.RcaActions) ? "" : $" Corrective actions: {incident.RcaActions}");

    /// <summary>The customer-facing reply offered as a button; sent only when a person presses it.</summary>
    public static string Reply(Incident incident) =>
        $"Hello, the problem behind this ticket has been resolved: {incident.Resolution} Thank you for your patience; reply to this message if anything still does not work.";
}
