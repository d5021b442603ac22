using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class ChannelsValidationTests
{
    [Fact]
    public void Load_WhenChannelHasUnknownChatSystem_ReportsIt()
    {
        var yaml = new PlanYaml { Channels = "channels:\n  announce: { slack: C1, discord: D1 }" };

        SingleError(yaml, yaml.LineOf("discord"), "unknown key 'discord' in channels.announce");
    }

    [Fact]
    public void Load_WhenChannelNameIsUnknown_ReportsIt()
    {
        var yaml = new PlanYaml { Channels = "channels:\n  announce: { slack: C1 }\n  alerts: { slack: C2 }" };

        SingleError(yaml, yaml.LineOf("alerts"), "unknown key 'alerts' in channels");
    }

    [Fact]
    public void Load_WhenPerIncidentIsNotBoolean_ReportsIt()
    {
        var yaml = new PlanYaml { Channels = "channels:\n  perIncident: sometimes" };

        SingleError(yaml, yaml.LineOf("sometimes"), "'perIncident' in channels must be true or false");
    }

    [Fact]
    public void Load_WithBothChatSystems_ReadsEach()
    {
        var yaml = new PlanYaml { Channels = "channels:\n  management: { slack: C0MGMT, teams: \"19:mgmt@thread.tacv2\" }" };

        var plan = PlanLoader.Parse(yaml.Text, FileName);

        plan.Channels.Management.Should().Be(new ChannelAddress("C0MGMT", "19:mgmt@thread.tacv2"));
        plan.Channels.PerIncident.Should().BeFalse();
    }
}
