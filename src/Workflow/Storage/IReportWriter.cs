using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Files new incidents in bulk: one transaction numbers a batch of reports in order after the highest number filed,
/// and writes each new incident with its rows (<see cref="NewIncident"/>). A batch is filed whole or not at all; once
/// it is committed the views are handed to the <see cref="IncidentViewCache"/>, and if the commit's outcome is unknown
/// they are forgotten. The provider chooses the writer at registration: <see cref="EfReportWriter"/> is the reference,
/// <see cref="SqliteReportWriter"/> the fast path on SQLite. The caller holds the write gate, one batch at a time.
/// </summary>
public interface IReportWriter : IAsyncDisposable
{
    /// <summary>
    /// Files <paramref name="count"/> reports; <paramref name="draft"/> builds report <c>i</c> as the incident numbered
    /// <c>number</c>. Answers the filed incidents in order.
    /// </summary>
    Task<IReadOnlyList<NewIncident>> FileAsync(int count, Func<int, int, NewIncident> draft, CancellationToken ct);
}

/// <summary>
/// A new incident ready to file: the incident, the rows its report adds, rows of other kinds the report adds with it
/// (a promoted ticket's link and timeline entries, written before the incident's own rows), and its view once filed.
/// </summary>
public sealed record NewIncident(Incident Incident, IncidentRows Rows, IReadOnlyList<object> Extra, IncidentView View);
