namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>The parity scenarios against the Slack adapter.</summary>
public sealed class SlackParityTests : ParityScenarios
{
    protected override IChatDriver CreateDriver() => new SlackDriver();
}
