namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>Storage settings (section <c>Storage</c>, plus <c>ConnectionStrings:Incidents</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Default <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Connection string; for SQLite the default is <c>Data Source={DataFolder}/incidents.db</c>. Required for Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file. Default <c>data</c> beside the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Database name for the InMemory provider; each name is a separate store. Default <c>incidents</c>.</summary>
    public string InMemoryName { get; set; } = "incidents";
}
