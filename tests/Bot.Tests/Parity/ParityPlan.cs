namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>The parity suite's response plan (<c>parity-plan.yaml</c>, copied beside the tests) and its people.</summary>
internal static class ParityPlan
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Parity", "parity-plan.yaml");
}
