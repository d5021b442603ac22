namespace Jivrus.IncidentBot.Bot.Messages;

/// <summary>Button action ids of the public contract (Slack <c>action_id</c>, Teams <c>data.action</c>).</summary>
public static class ActionIds
{
    public const string Acknowledge = "incident.acknowledge";
    public const string Escalate = "incident.escalate";
    public const string Resolve = "incident.resolve";
    public const string Close = "incident.close";
    public const string Rca = "incident.rca";
    public const string TicketEscalate = "ticket.escalate";
    public const string TicketPromote = "ticket.promote";

    /// <summary>Send the customer-facing reply of a resolved incident; the value is <c>ticketId:INC-n</c>.</summary>
    public const string TicketReply = "ticket.reply";

    /// <summary>Snooze an update reminder; the value is <c>INC-n:15m</c>.</summary>
    public const string Snooze = "incident.snooze";

    /// <summary>Pick the severity of an incident that needs triage; the value is <c>INC-n sevN</c>.</summary>
    public const string Severity = "incident.severity";

    /// <summary>Open the update form / prompt; the value is the incident id.</summary>
    public const string Update = "incident.update";

    /// <summary>Waive the RCA of an incident waiting for it (managers); the value is the incident id.</summary>
    public const string Waive = "incident.waive";

    /// <summary>Mark a corrective action done, from its reminder; the value is <c>INC-n #k</c> (<c>INC-7 #2</c>).</summary>
    public const string ActionDone = "action.done";
}
