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

    /// <summary>Longest reply to a customer the bot sends.</summary>
    public const int MaxReplyLength = 3000;

    /// <summary>
    /// The reply a person edits before it goes to the customer: written for the customer in the ticket's own words
    /// (its subject), never the internal resolution, which is for the responders and may name systems and people.
    /// </summary>
    public static string CustomerReplyDraft(string? requester, string subject, string sender) =>
        $"""
        {Greeting(requester)}

        Thank you for your patience. The problem you reported, "{subject.Trim()}", has been fixed, and everything should work normally again.

        If you still see it, reply to this message and we will look into it straight away.

        Kind regards,
        {sender}
        """;

    /// <summary>A reply on one line, for timelines (which show one line per entry).</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Freshdesk gives the requester's name, or only an e-mail address or an id; only a name makes a greeting.
    private static string Greeting(string? requester)
    {
        var name = requester?.Trim();
        if (string.IsNullOrEmpty(name) || name.Contains('@', StringComparison.Ordinal) || name.StartsWith("requester ", StringComparison.Ordinal))
            return "Hello,";
        return $"Hello {name.Split(' ')[0]},";
    }
}
