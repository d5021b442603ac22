namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>
/// A fact that needs PostgreSQL: it runs when <c>INCIDENTBOT_TEST_POSTGRES</c> holds a connection string
/// (as <c>.ci/run</c> sets it) and is skipped, saying why, everywhere else.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "INCIDENTBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"PostgreSQL tests are off: set {Variable} to a connection string (.ci/run does).";
    }

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) ?? "";
}
