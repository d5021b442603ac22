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
        configuration.GetSection("Storage").Bind(storage);
        storage.ConnectionString ??= configuration.GetConnectionString("Incidents");
        if (!Path.IsPathRooted(storage.DataFolder))
            storage.DataFolder = Path.Combine(builder.Environment.ContentRootPath, storage.DataFolder);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(LoadPlan(configuration, builder.Environment));
        builder.Services.AddIncidentStorage(storage);
        builder.Services.AddSingleton<Desk>();
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
        await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<Desk>().EnsureSummaryTimersAsync(app.Lifetime.ApplicationStopping);
    }
}
