using System.Text.RegularExpressions;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>Turns the model's create script into statements that only add what is missing.</summary>
internal static partial class SchemaScript
{
    public static IEnumerable<string> AdditiveStatements(string createScript)
    {
        foreach (var raw in createScript.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var statement = raw.Trim();
            if (CreateTable().IsMatch(statement))
                yield return CreateTable().Replace(statement, "CREATE TABLE IF NOT EXISTS ", 1);
            else if (CreateIndex().IsMatch(statement))
                yield return CreateIndex().Replace(statement, m => $"{m.Value}IF NOT EXISTS ", 1);
        }
    }

    [GeneratedRegex(@"^CREATE TABLE\s+(?!IF NOT EXISTS)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX\s+(?!IF NOT EXISTS)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();
}
