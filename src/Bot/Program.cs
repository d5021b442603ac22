using Jivrus.IncidentBot.Bot.Alerts;
using Jivrus.IncidentBot.Bot.Channels.Local;
using Jivrus.IncidentBot.Bot.Channels.Slack;
using Jivrus.IncidentBot.Bot.Channels.Teams;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.FollowUp;
using Jivrus.IncidentBot.Bot.Freshdesk;
using Jivrus.IncidentBot.Bot.Hosting;
using Jivrus.IncidentBot.Bot.Links;
using Jivrus.IncidentBot.Bot.Observability;
using Jivrus.IncidentBot.Bot.OnCall;
using Jivrus.IncidentBot.Bot.Scheduling;
using Jivrus.IncidentBot.Workflow.Plan;

var commandLine = CommandLineVerbs.Parse(args);
if (commandLine.HostArguments is null)
    return commandLine.Run(Console.Out, Console.Error);
args = commandLine.HostArguments;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
try
{
    builder.UseDefaultListenAddress().AddWorkflow();
    builder.AddObservability();
}
catch (PlanValidationException ex)
{
    await Console.Error.WriteLineAsync($"The response plan is not valid; IncidentBot did not start.{Environment.NewLine}{ex.Message}");
    return 1;
}
catch (StartupException ex)
{
    await Console.Error.WriteLineAsync($"IncidentBot did not start: {ex.Message}");
    return 1;
}

builder.Services.AddConversations().AddDelivery().AddScheduling().AddLocalChannel().AddFreshdesk().AddSignedLinks().AddAlerts();
builder.AddSlackChannel();
builder.Services.AddTeamsChannel();
builder.Services.AddProxyHeaders();
// Under systemd (Type=notify) the unit is "started" once the host is listening, and SIGTERM stops it. On stop, turns
// in flight are answered and the outbox finishes its batch within this time; systemd's TimeoutStopSec is above it.
builder.Services.AddSystemd().Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));

var app = builder.Build();
if (!OptionsCheck.Passes(app.Services, Console.Error))
    return 1;
app.UseProxyHeaders();
var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IncidentBot");
foreach (var line in ChannelStatus.From(app.Configuration).Lines(app.Configuration))
    startup.LogInformation("{Channel}", line);
foreach (var warning in ChannelCoverage.ForStartup(app.Services.GetRequiredService<ResponsePlan>().Channels, ChannelStatus.From(app.Configuration)))
    startup.LogWarning("Response plan: {Warning}", warning);
foreach (var line in app.Services.GetRequiredService<AlertTokens>().Missing(app.Services.GetRequiredService<ResponsePlan>()))
    startup.LogWarning("{Alerts}", line);

try
{
    await app.InitializeStorageAsync();
    await app.InitializeSignedLinksAsync(startup);
}
catch (StartupException ex)
{
    startup.LogCritical("IncidentBot did not start: {Reason}", ex.Message);
    return 1;
}

app.MapHealthEndpoints().MapMetricsEndpoint();
app.MapSlackEndpoints();
app.MapTeamsEndpoints();
app.MapLocalChannel();
app.MapFreshdeskEndpoints();
app.MapAlertEndpoints();
app.MapPostmortemEndpoints();
app.MapOnCallFeedEndpoints();
app.MapBenchEndpoints(app.Configuration);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to functional tests through WebApplicationFactory.</summary>
public partial class Program;
