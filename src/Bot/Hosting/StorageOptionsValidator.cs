using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Checks the <c>Storage</c> section. Storage is set up from these values while services are registered, before the
/// host exists, so <see cref="WorkflowSetup"/> runs this validator itself instead of waiting for the host to start.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.DataFolder))
            return ValidateOptionsResult.Fail("Storage:DataFolder must name the folder for the SQLite file, such as data; it is empty.");
        if (options.Provider == StorageProvider.InMemory && string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.InMemoryName))
            return ValidateOptionsResult.Fail("Storage:InMemoryName must name the in-memory database, such as incidents; it is empty.");
        return ValidateOptionsResult.Success;
    }
}
