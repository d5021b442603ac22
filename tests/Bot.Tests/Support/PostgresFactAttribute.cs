namespace Jivrus.IncidentBot.Bot.Tests.Support;

/// <summary>A fact that needs PostgreSQL (<c>INCIDENTBOT_TEST_POSTGRES</c>); skipped, saying why, without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "INCIDENTBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"PostgreSQL tests are off: set {Variable} to a connection string (.ci/run does).";
    }

    public static string AdminConnectionString => Environment.GetEnvironmentVariable(Variable) ?? "";
}
