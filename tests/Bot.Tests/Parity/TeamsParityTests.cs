namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>The parity scenarios against the Teams adapter.</summary>
public sealed class TeamsParityTests : ParityScenarios
{
    protected override IChatDriver CreateDriver() => new TeamsDriver();
}
