using Jivrus.IncidentBot.Bot.Alerts;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts;

public sealed class AlertsOptionsValidatorTests
{
    [Fact]
    public void Validate_Default_Passes()
    {
        var result = new AlertsOptionsValidator().Validate(null, new AlertsOptions());

        result.Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(100, "Alerts:MaxBodyBytes must be between 4096 and 67108864; it is 100.")]
    [InlineData(100_000_000, "Alerts:MaxBodyBytes must be between 4096 and 67108864; it is 100000000.")]
    public void Validate_CapOutOfRange_FailsNamingTheSetting(int cap, string sentence)
    {
        var result = new AlertsOptionsValidator().Validate(null, new AlertsOptions { MaxBodyBytes = cap });

        result.FailureMessage.Should().Be(sentence);
    }
}
