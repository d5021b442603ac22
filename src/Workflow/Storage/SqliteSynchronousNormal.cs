using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Puts every SQLite connection in <c>synchronous=NORMAL</c>. Unlike <c>journal_mode=WAL</c> the setting does not
/// stick to the file: set once at start-up it held only on that one connection, and every other pooled connection
/// synced the WAL on each commit (FULL), which made a write transaction wait on the disk. In WAL mode NORMAL keeps
/// the database consistent after a crash; only the last commits before a power cut may be lost.
/// </summary>
internal sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    /// <summary>What every SQLite connection runs when it opens (also the report writer's own connections).</summary>
    public const string Pragma = "PRAGMA synchronous=NORMAL;";

    public static SqliteSynchronousNormal Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
