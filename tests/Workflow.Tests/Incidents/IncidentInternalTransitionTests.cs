using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

/// <summary>PostUpdate, ChangeSeverity and Assign: internal transitions of Open.</summary>
public class IncidentInternalTransitionTests
{
    private static readonly DateTimeOffset Later = IncidentBuilder.ReportedAt.AddMinutes(20);

    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Acknowledged)]
    [InlineData(IncidentState.Mitigated)]
    public void PostUpdate_KeepsTheStateAndRestartsTheUpdateClock(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build().After(TimeSpan.FromMinutes(20));

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, "replica catching up", null, null));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.State.Should().Be(state);
        incident.LastUpdateAt.Should().Be(Later);
        incident.NewTimelineEntries.Should().ContainSingle().Which.ToState.Should().Be(state);
    }

    [Fact]
    public void PostUpdate_WithNextAndEta_RecordsThePromiseAndTheEta()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, "replica catching up", TimeSpan.FromMinutes(45), Later.AddHours(2)));

        incident.NextUpdatePromisedAt.Should().Be(Later.AddMinutes(45));
        incident.Eta.Should().Be(Later.AddHours(2));
        outcome.Message.Should().Be("Update on INC-1 from Ana: replica catching up. Next update in 45m. ETA 12:20 (Asia/Kolkata).");
    }

    [Theory]
    [InlineData("Rolled back release", "Rolled back release.")]
    [InlineData("Rolled back release.", "Rolled back release.")]
    [InlineData("Is it the CDN?", "Is it the CDN?")]
    [InlineData("Rolled back release,", "Rolled back release.")]
    [InlineData("(see the status page.)", "(see the status page.)")]
    public void PostUpdate_WithPromise_EndsTheTextInOneFullStopFirst(string text, string sentence)
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, text, TimeSpan.FromSeconds(20), null));

        outcome.Message.Should().Be($"Update on INC-1 from Ana: {sentence} Next update in 20s.");
    }

    [Fact]
    public void PostUpdate_TextAlone_IsKeptAsTyped()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, "Rolled back release", null, null));

        outcome.Message.Should().Be("Update on INC-1 from Ana: Rolled back release");
    }

    [Fact]
    public void PostUpdate_OnlyAnEta_IsAnUpdateThatSaysSo()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, null, null, Later.AddHours(2)));

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.Eta.Should().Be(Later.AddHours(2));
        incident.LastUpdateAt.Should().Be(Later);
        outcome.Message.Should().Be("Update on INC-1 from Ana: ETA 12:20 (Asia/Kolkata).");
        incident.NewTimelineEntries.Should().ContainSingle().Which.Text.Should().Be("Update on INC-1 from Ana: ETA 12:20 (Asia/Kolkata).");
    }

    [Fact]
    public void PostUpdate_OnlyAPromise_IsAnUpdateThatSaysSo()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, "", TimeSpan.FromHours(1), null));

        outcome.Message.Should().Be("Update on INC-1 from Ana: Next update in 1h.");
        incident.NextUpdatePromisedAt.Should().Be(Later.AddHours(1));
    }

    [Fact]
    public void PostUpdate_EtaOnAnotherDay_NamesTheDay()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build().After(TimeSpan.FromMinutes(20));

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, "waiting on the vendor", null, Later.AddHours(20)));

        outcome.Message.Should().Be("Update on INC-1 from Ana: waiting on the vendor. ETA Wed 5 Mar 06:20 (Asia/Kolkata).");
    }

    [Fact]
    public void PostUpdate_WithoutText_IsRefused()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.PostUpdate(People.Ana, "  ", null, null));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("An update needs some text, a next-update promise or an ETA: /incident update [INC-n] <text> [next <duration>] [eta <duration|HH:mm>].");
    }

    [Fact]
    public void PostUpdate_ResetsTheUpdateNudges()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        incident.Act(i => i.UpdateOverdue());

        incident.After(TimeSpan.FromMinutes(40)).Act(i => i.PostUpdate(People.Ana, "still on it", null, null));

        incident.UpdateNudges.Should().Be(0);
    }

    [Fact]
    public void ChangeSeverity_KeepsTheStateAndAnnouncesTheChange()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.ChangeSeverity(People.Ana, "sev2"));

        outcome.Message.Should().Be("Ana changed INC-1 from sev1 (Critical) to sev2 (High).");
        incident.SeverityId.Should().Be("sev2");
        incident.State.Should().Be(IncidentState.Acknowledged);
        incident.Notices.Should().ContainSingle(n => n.Audience == Audience.Announce).Which.Text.Should().Be(outcome.Message);
    }

    [Fact]
    public void ChangeSeverity_ToAnUnknownSeverity_IsRefusedListingTheKnownOnes()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.ChangeSeverity(People.Ana, "sev9"));

        outcome.Kind.Should().Be(OutcomeKind.Refused);
        outcome.Message.Should().Be("There is no severity 'sev9'. Use one of sev1, sev2, sev3, sev4.");
        incident.SeverityId.Should().Be("sev1");
    }

    [Fact]
    public void ChangeSeverity_ToTheSameSeverity_IsUnchanged()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.ChangeSeverity(People.Ana, "SEV1"));

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        outcome.Message.Should().Be("INC-1 is already sev1 (Critical).");
        incident.NewTimelineEntries.Should().BeEmpty();
    }

    [Fact]
    public void ChangeSeverity_AfterAWarning_LetsTheNewTargetWarnAgain()
    {
        var incident = IncidentBuilder.Reported().Build();
        incident.Act(i => i.WarnResolveDeadline(IncidentBuilder.ReportedAt.AddHours(4)));

        incident.After(TimeSpan.FromHours(3)).Act(i => i.ChangeSeverity(People.Ana, "sev2"));

        incident.ResolveWarned.Should().BeFalse();
        incident.ResolveBreached.Should().BeFalse();
    }

    [Fact]
    public void Assign_MakesTheCommanderTheOwnerAndPagesThem()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.Assign(People.Ana, new Jivrus.IncidentBot.Workflow.Plan.Person("chen", "Chen", null, null, null, [])));

        outcome.Message.Should().Be("Ana made Chen the commander of INC-1.");
        incident.State.Should().Be(IncidentState.Acknowledged);
        incident.OwnerId.Should().Be("chen");
        incident.Notices.Should().ContainSingle(n => n.Kind == NoticeKind.Page).Which.PersonId.Should().Be("chen");
    }

    [Fact]
    public void Assign_TheSameCommanderTwice_IsUnchanged()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();
        var chen = new Jivrus.IncidentBot.Workflow.Plan.Person("chen", "Chen", null, null, null, []);
        incident.Act(i => i.Assign(People.Ana, chen));

        var outcome = incident.After(TimeSpan.FromMinutes(20)).Act(i => i.Assign(People.Ana, chen));

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        outcome.Message.Should().Be("Chen is already the commander of INC-1.");
    }

    [Theory]
    [InlineData(IncidentState.Resolved)]
    [InlineData(IncidentState.RcaPending)]
    [InlineData(IncidentState.Closed)]
    [InlineData(IncidentState.Cancelled)]
    public void InternalChanges_AfterTheIncidentIsOver_AreRefused(IncidentState state)
    {
        var incident = IncidentBuilder.In(state).Build();

        var outcomes = new[]
        {
            incident.Act(i => i.PostUpdate(People.Ana, "note", null, null)),
            incident.Act(i => i.ChangeSeverity(People.Ana, "sev2")),
            incident.Act(i => i.Assign(People.Ana, new Jivrus.IncidentBot.Workflow.Plan.Person("chen", "Chen", null, null, null, []))),
        };

        outcomes.Should().OnlyContain(o => o.Kind == OutcomeKind.Refused && o.Message.StartsWith("INC-1 "));
        incident.State.Should().Be(state);
    }
}
