using System.Linq.Expressions;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>
/// The database form of "paged for the incident through a rotation at a level it has reached": the in-memory rule reads
/// <see cref="Incident.PagedByLevel"/> level by level, and this asks the same of the column with string functions every
/// provider translates, so a list counts rotation members as <c>show</c> does.
/// </summary>
internal static class PagedMembership
{
    /// <summary>True when <paramref name="personId"/> is among the people recorded at a level no higher than the incident has reached on a ladder of <paramref name="top"/> levels.</summary>
    public static Expression<Func<Incident, bool>> WasPaged(string personId, int top)
    {
        // "ana,ben;chen" reads ",ana,ben,;,chen," so every id sits between commas and each ';' starts the next level.
        // The id's first occurrence is the lowest level that paged it: the ';'s before it say which. The token is
        // appended so IndexOf never misses (a miss would be a negative length to substr on PostgreSQL); a match
        // only in the appended copy means not paged.
        var token = "," + personId.ToLowerInvariant() + ",";
        Expression<Func<Incident, string>> marked = i => "," + i.PagedByLevel!.ToLower().Replace(";", ",;,") + "," + token;
        Expression<Func<string, Incident, bool>> lowEnough = (u, i) =>
            u.IndexOf(token) < u.Length - token.Length
            && u.Substring(0, u.IndexOf(token)).Length - u.Substring(0, u.IndexOf(token)).Replace(";", "").Length < (i.ReachedTop ? top : i.Level);

        var incident = marked.Parameters[0];
        var test = new Substitute(lowEnough.Parameters[0], marked.Body, lowEnough.Parameters[1], incident).Visit(lowEnough.Body);
        var recorded = Expression.NotEqual(Expression.Property(incident, nameof(Incident.PagedByLevel)), Expression.Constant(null, typeof(string)));
        return Expression.Lambda<Func<Incident, bool>>(Expression.AndAlso(recorded, test), incident);
    }

    /// <summary><paramref name="rule"/> or <paramref name="more"/>, on one parameter.</summary>
    public static Expression<Func<Incident, bool>> Or(Expression<Func<Incident, bool>> rule, Expression<Func<Incident, bool>> more)
    {
        var incident = rule.Parameters[0];
        var body = new Substitute(more.Parameters[0], incident).Visit(more.Body);
        return Expression.Lambda<Func<Incident, bool>>(Expression.OrElse(rule.Body, body), incident);
    }

    private sealed class Substitute(ParameterExpression from, Expression to, ParameterExpression? from2 = null, Expression? to2 = null)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? to : node == from2 && to2 is not null ? to2 : base.VisitParameter(node);
    }
}
