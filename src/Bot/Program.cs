var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();

/// <summary>Entry point, visible to functional tests through WebApplicationFactory.</summary>
public partial class Program;
