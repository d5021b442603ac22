using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// The drills and the private incidents, as queries the indexes on (IsDrill, State) and (IsPrivate, State) serve. EF
/// writes a boolean condition as the bare column (<c>WHERE "IsDrill"</c>), which SQLite cannot look up in an index, so
/// counting the few drills read every open incident; the comparison with TRUE here is a lookup. Compose the rest
/// (states, who may see them) in LINQ on top. Without SQL (InMemory) they are plain filters.
/// </summary>
internal static class IncidentSets
{
    public static IQueryable<Incident> Drills(IncidentDbContext db) =>
        db.IsRelational ? db.Incidents.FromSqlRaw("SELECT * FROM \"incidents\" WHERE \"IsDrill\" = TRUE") : db.Incidents.Where(i => i.IsDrill);

    public static IQueryable<Incident> Private(IncidentDbContext db) =>
        db.IsRelational ? db.Incidents.FromSqlRaw("SELECT * FROM \"incidents\" WHERE \"IsPrivate\" = TRUE") : db.Incidents.Where(i => i.IsPrivate);

    /// <summary>Private incidents that are not drills.</summary>
    public static IQueryable<Incident> PrivateNotDrills(IncidentDbContext db) =>
        db.IsRelational
            ? db.Incidents.FromSqlRaw("SELECT * FROM \"incidents\" WHERE \"IsPrivate\" = TRUE AND \"IsDrill\" = FALSE")
            : db.Incidents.Where(i => i.IsPrivate && !i.IsDrill);
}
