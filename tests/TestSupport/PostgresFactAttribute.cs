using Xunit;

namespace Jivrus.IncidentBot.TestSupport;

/// <summary>
/// A fact that needs PostgreSQL: it runs when <c>INCIDENTBOT_TEST_POSTGRES</c> holds a connection string
/// (as <c>.ci/run</c> sets it) and is skipped, saying why, everywhere else.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "INCIDENTBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            Skip = $"PostgreSQL tests are off: set {Variable} to a connection string (.ci/run does).";
    }

    /// <summary>The server's connection string (a role that may create databases); empty when the tests are off.</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) ?? "";
}
