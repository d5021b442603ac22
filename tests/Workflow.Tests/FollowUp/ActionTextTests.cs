using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.FollowUp;

public sealed class ActionTextTests
{
    private static readonly DateTimeOffset Now = TestStore.Start; // Monday 2 March 2026, 09:30 in Kolkata

    [Fact]
    public void Parse_SplitsAtNewLinesAndSemicolons_DroppingBullets()
    {
        var (actions, problem) = ActionText.Parse("- Add disk alerts\n2) Rotate the keys; • Write the runbook\n\n", TestPlans.Standard(), Now);

        problem.Should().BeNull();
        actions.Select(a => a.Text).Should().Equal("Add disk alerts", "Rotate the keys", "Write the runbook");
    }

    [Fact]
    public void Parse_ReadsOwnerAndDueAnywhereInTheAction()
    {
        var (actions, _) = ActionText.Parse("owner @chen Alert 30 days before expiry due 5d; Renew by hand (owner: Ana, due: 2026-03-10)", TestPlans.Standard(), Now);

        actions.Should().Equal(
            new ActionSpec("Alert 30 days before expiry", TestPlans.Standard().FindPerson("chen"), Now.AddDays(5)),
            // The end of business hours that day in Kolkata: 18:00 IST is 12:30 UTC.
            new ActionSpec("Renew by hand", TestPlans.Standard().FindPerson("ana"), new DateTimeOffset(2026, 3, 10, 12, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Parse_OwnerAndDueWordsInOrdinaryText_StayText()
    {
        var (actions, _) = ActionText.Parse("Ask the owner of the repo about due diligence", TestPlans.Standard(), Now);

        actions.Should().Equal(new ActionSpec("Ask the owner of the repo about due diligence", null, null));
    }

    [Fact]
    public void Parse_MentionOfSomeoneOutsideThePlan_SaysWhoThePlanHas()
    {
        var (actions, problem) = ActionText.Parse("Add alerts owner @zed", TestPlans.Standard(), Now);

        actions.Should().BeEmpty();
        problem.Should().Be("The response plan has no person 'zed' to own \"Add alerts owner @zed\". People: ana, ben, chen, dana, eve.");
    }

    [Fact]
    public void Parse_TextOfTheRcaForm_ReadsOnlyTheCorrectiveActions()
    {
        var (actions, _) = ActionText.Parse("Contributing factors: no alert; a manual step\nCorrective actions: Add alerts owner ana due 3d", TestPlans.Standard(), Now);

        actions.Should().Equal(new ActionSpec("Add alerts", TestPlans.Standard().FindPerson("ana"), Now.AddDays(3)));
    }

    [Fact]
    public void ParseDue_DateAlreadyPast_IsRefused()
    {
        var (due, problem) = ActionText.ParseDue("2026-03-01", TestPlans.Standard(), Now);

        due.Should().BeNull();
        problem.Should().Be("The due date 2026-03-01 has already passed; give a later date or a duration such as 5d.");
    }

    [Fact]
    public void ParseDue_NeitherDurationNorDate_SaysHowToWriteIt()
    {
        var (_, problem) = ActionText.ParseDue("friday", TestPlans.Standard(), Now);

        problem.Should().Be("'friday' is not a due date; write a duration such as 5d or a date such as 2026-12-20.");
    }

    [Fact]
    public void CloseRefusal_NamesEachActionAndWhatItLacks()
    {
        var gaps = ActionGaps.Of([(1, "Add disk alerts", false, false, true), (2, "Rotate keys", true, true, true), (3, "Write the runbook for the payment provider failover", true, false, true)]);

        gaps.CloseRefusal(7).Should().Be(
            "INC-7 cannot close yet: every corrective action needs an owner and a due date, or must be dropped. "
            + "#1 \"Add disk alerts\" has no owner and no due date; #3 \"Write the runbook for the payment provi…\" has no due date. "
            + "Set them with /incident action set INC-7 <k> owner <@person> due <date>, or drop one with /incident action drop INC-7 <k> <reason>.");
    }

    [Fact]
    public void Gaps_OfDoneOrDroppedActions_AreNone()
    {
        var gaps = ActionGaps.Of([(1, "Add disk alerts", false, false, false)]);

        gaps.IsEmpty.Should().BeTrue();
    }
}
