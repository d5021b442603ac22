namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>Where incidents are kept (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>The default: one SQLite file under the data folder, in WAL mode.</summary>
    Sqlite,

    /// <summary>PostgreSQL, for production and several replicas sharing one database.</summary>
    Postgres,

    /// <summary>Nothing kept after the process ends; for throw-away demo runs and tests.</summary>
    InMemory,
}
