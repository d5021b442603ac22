using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>Wires the workflow (plan, storage, desk) into the host from configuration.</summary>
internal static class WorkflowSetup
{
    public const string DefaultPlanFile = "plan.default.yaml";

    public static WebApplicationBuilder AddWorkflow(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var storage = new StorageOptions();
        var provider = configuration["Storage:Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out _))
            throw new StartupException($"Storage:Provider '{provider}' is not one of {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        configuration.GetSection("Storage").Bind(storage);
        storage.ConnectionString ??= configuration.GetConnectionString("Incidents");
        if (new StorageOptionsValidator().Validate(null, storage) is { Failed: true } invalid)
            throw new StartupException(invalid.FailureMessage);
        if (!Path.IsPathRooted(storage.DataFolder))
            storage.DataFolder = Path.Combine(builder.Environment.ContentRootPath, storage.DataFolder);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(LoadPlan(configuration, builder.Environment));
        try
        {
            builder.Services.AddIncidentStorage(storage);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        builder.Services.AddSingleton<Desk>();
        builder.Services.AddSingleton<Jivrus.IncidentBot.Workflow.Alerts.IAlertIntake>(sp => sp.GetRequiredService<Desk>());
        builder.Services.AddHostedService<SqliteCheckpointService>();
        return builder;
    }

    /// <summary>The plan from <c>ResponsePlan:Path</c>, or the default plan shipped beside the app.</summary>
    public static string PlanPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["ResponsePlan:Path"];
        if (string.IsNullOrWhiteSpace(configured))
            return Path.Combine(AppContext.BaseDirectory, DefaultPlanFile);
        if (Path.IsPathRooted(configured))
            return configured;
        var fromContentRoot = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        return File.Exists(fromContentRoot) ? fromContentRoot : Path.GetFullPath(UserPath.Resolve(configured));
    }

    private static ResponsePlan LoadPlan(IConfiguration configuration, IHostEnvironment environment) =>
        PlanLoader.LoadFile(PlanPath(configuration, environment));

    /// <summary>Creates or upgrades the schema before the host takes requests.</summary>
    public static async Task InitializeStorageAsync(this WebApplication app)
    {
        var initializer = app.Services.GetRequiredService<StorageInitializer>();
        try
        {
            if (SqliteHostLock.Acquire(app.Services.GetRequiredService<StorageOptions>()) is { } held)
                app.Lifetime.ApplicationStopped.Register(held.Dispose);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        try
        {
            await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StartupException)
        {
            // Driver messages name the host and the failure, not the password.
            throw new StartupException($"The incident database could not be opened or prepared: {ex.GetBaseException().Message}", ex);
        }

        await app.Services.GetRequiredService<Desk>().EnsureSummaryTimersAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<Desk>().EnsureHandoffTimerAsync(app.Lifetime.ApplicationStopping);
    }
}
