namespace Jivrus.IncidentBot.Workflow.Agenda;

/// <summary>Queries on the timer table by what the rows are for.</summary>
public static class TimerRows
{
    /// <summary>The rows of one subject; served by the unique (subject, id, kind) index.</summary>
    public static IQueryable<IncidentTimer> Of(this IQueryable<IncidentTimer> timers, TimerSubject subject, long subjectId) =>
        timers.Where(t => t.Subject == subject && t.SubjectId == subjectId);
}
