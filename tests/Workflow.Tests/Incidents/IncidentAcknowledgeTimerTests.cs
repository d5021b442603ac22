using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Incidents;

public class IncidentAcknowledgeTimerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void RemindToAcknowledge_PagesTheCurrentLevelAgain()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.RemindToAcknowledge(IncidentBuilder.ReportedAt.AddMinutes(15)));

        outcome.Message.Should().Be("Reminder: INC-1 (Critical) is waiting for an acknowledgement from Support on-call (L1); it escalates at 10:15 (Asia/Kolkata).");
        incident.AckReminded.Should().BeTrue();
        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId).Should().BeEquivalentTo(["ana", "ben"]);
    }

    [Fact]
    public void RemindToAcknowledge_WhenAcknowledged_DoesNothing()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.RemindToAcknowledge(IncidentBuilder.ReportedAt.AddMinutes(15)));

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        incident.Notices.Should().BeEmpty();
    }

    [Fact]
    public void AcknowledgeTimedOut_AtTheFirstLevel_PagesTheSecondLevel()
    {
        var incident = IncidentBuilder.Reported().Build();

        var outcome = incident.Act(i => i.AcknowledgeTimedOut());

        outcome.Message.Should().Be("No acknowledgement from Support on-call (L1) within 15m: INC-1 escalated to Engineering on-call (L2).");
        incident.Level.Should().Be(2);
        incident.State.Should().Be(IncidentState.Reported);
        incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId).Should().Equal("chen");
        incident.NewTimelineEntries.Should().ContainSingle().Which.ActorId.Should().Be("timer");
    }

    [Fact]
    public void AcknowledgeTimedOut_ClimbsTheWholeLadderThenSaysItIsExhausted()
    {
        var incident = IncidentBuilder.Reported().Build();
        var paged = new List<string?>();

        for (var step = 1; step <= 4; step++)
        {
            incident.After(Minute * (30 * step)).Act(i => i.AcknowledgeTimedOut());
            paged.AddRange(incident.Notices.Where(n => n.Kind == NoticeKind.Page).Select(n => n.PersonId));
        }

        var exhausted = incident.After(Minute * 150).Act(i => i.AcknowledgeTimedOut());

        paged.Should().Equal("chen", "dana", "dana", "dana");
        incident.TopRepeats.Should().Be(2);
        exhausted.Message.Should().Be("INC-1 (Critical) was not acknowledged by anyone on the escalation ladder, management paged 3 times. The ladder is exhausted.");
        incident.Notices.Should().ContainSingle(n => n.Kind == NoticeKind.Alert && n.Audience == Audience.Management)
            .Which.Text.Should().Be(exhausted.Message);
        incident.Notices.Should().NotContain(n => n.Kind == NoticeKind.Page);
        incident.State.Should().Be(IncidentState.Reported);
    }

    [Fact]
    public void AcknowledgeTimedOut_AtTheTop_UsesTheLevelsOwnWindow()
    {
        var incident = IncidentBuilder.Reported().Escalated(2).Build();

        var outcome = incident.Act(i => i.AcknowledgeTimedOut());

        outcome.Message.Should().StartWith("No acknowledgement from Management within 30m");
    }

    [Fact]
    public void AcknowledgeTimedOut_AfterTheLadderWasDeclaredExhausted_DoesNotAnnounceAgain()
    {
        var incident = IncidentBuilder.Reported().Escalated(4).Build();
        incident.Act(i => i.AcknowledgeTimedOut());

        var again = incident.After(Minute * 60).Act(i => i.AcknowledgeTimedOut());

        again.Kind.Should().Be(OutcomeKind.Unchanged);
        incident.Notices.Should().BeEmpty();
    }

    [Fact]
    public void AcknowledgeTimedOut_AfterAReopenFollowingExhaustion_ClimbsAgain()
    {
        var incident = IncidentBuilder.Reported().Escalated(4).Build();
        incident.Act(i => i.AcknowledgeTimedOut());
        incident.After(Minute * 60).Act(i => i.Resolve(People.Dana, "restarted"));
        incident.After(Minute * 70).Act(i => i.Reopen(People.Dana));

        var outcome = incident.After(Minute * 90).Act(i => i.AcknowledgeTimedOut());

        outcome.Kind.Should().Be(OutcomeKind.Accepted);
        incident.Level.Should().Be(2);
        incident.LadderExhausted.Should().BeFalse();
    }

    [Fact]
    public void AcknowledgeTimedOut_AfterAcknowledgement_DoesNotEscalate()
    {
        var incident = IncidentBuilder.In(IncidentState.Acknowledged).Build();

        var outcome = incident.Act(i => i.AcknowledgeTimedOut());

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        outcome.Message.Should().Be("INC-1 no longer waits for an acknowledgement.");
        incident.Level.Should().Be(1);
        incident.Notices.Should().BeEmpty();
    }

    [Fact]
    public void AcknowledgeTimedOut_AfterTheSecondLevelAcknowledged_StopsClimbing()
    {
        var incident = IncidentBuilder.Reported().Build();
        incident.Act(i => i.AcknowledgeTimedOut());
        incident.After(Minute * 20).Act(i => i.Acknowledge(People.Chen));

        var outcome = incident.After(Minute * 40).Act(i => i.AcknowledgeTimedOut());

        outcome.Kind.Should().Be(OutcomeKind.Unchanged);
        incident.Level.Should().Be(2);
    }

    [Fact]
    public void Climbing_ClearsTheReminderSoTheNewLevelIsRemindedToo()
    {
        var incident = IncidentBuilder.Reported().Build();
        incident.Act(i => i.RemindToAcknowledge(IncidentBuilder.ReportedAt.AddMinutes(15)));

        incident.After(Minute * 15).Act(i => i.AcknowledgeTimedOut());

        incident.AckReminded.Should().BeFalse();
    }
}
