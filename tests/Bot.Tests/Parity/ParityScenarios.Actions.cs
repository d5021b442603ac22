using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

// Corrective actions, the same in every channel: the owner hears of the action, is reminded with a Done button,
// and a critical incident closes only when its actions are owned and dated.
public abstract partial class ParityScenarios
{
    [Fact]
    public async Task ActionAdd_TellsTheOwnerInTheirDirectMessages()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        var added = await Chat.SayAsync(Ana, "/incident action add INC-1 Alert on certificate expiry owner @chen due 2d");

        added.Reply.Should().Be("Added INC-1 #1: Alert on certificate expiry · owner Chen · due Thu 6 Mar 11:30 (Asia/Kolkata).");
        (await Chat.PostsAsync(Place.DirectTo(Chen))).Should().Equal(
            "Ana made you the owner of INC-1 #1 (Checkout down): Alert on certificate expiry · due Thu 6 Mar 11:30 (Asia/Kolkata). Mark it done with /incident action done INC-1 1.");
    }

    [Fact]
    public async Task ActionReminder_DoneButton_MarksTheActionDone()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.SayAsync(Ana, "/incident action add INC-1 Alert on certificate expiry owner @chen due 2d");

        await Chat.AdvanceAsync(TimeSpan.FromDays(1));
        var reminder = (await Chat.PostsAsync(Place.DirectTo(Chen))).Where(p => p.StartsWith("Reminder:", StringComparison.Ordinal));
        var done = await Chat.PressOnPostAsync(Chen, ActionIds.ActionDone, "INC-1 #1", Place.DirectTo(Chen));
        var listed = await Chat.SayAsync(Chen, "/incident actions INC-1");

        reminder.Should().Equal(
            "Reminder: INC-1 #1 (Checkout down) is due Thu 6 Mar 11:30 (Asia/Kolkata): Alert on certificate expiry. Press Done when it is done, or drop it with /incident action drop INC-1 1 <reason>.");
        done.Reply.Should().Be("Chen marked INC-1 #1 done: Alert on certificate expiry");
        listed.Reply.Should().Be("Corrective actions of INC-1 (1):\nINC-1 #1 · done · Alert on certificate expiry · owner Chen · due Thu 6 Mar 11:30 (Asia/Kolkata)");
    }

    [Fact]
    public async Task CloseOfACriticalIncident_WithAnUndatedAction_IsRefusedNamingIt()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.SayAsync(Ana, "/incident resolve INC-1 Rolled back");
        await Chat.SayAsync(Ana, "/incident close INC-1");
        await Chat.SayAsync(Ana, "/incident rca INC-1 Expired certificate actions: Alert on expiry owner @chen; Renew by hand owner @ana due 3d");

        var close = await Chat.SayAsync(Ana, "/incident close INC-1");
        var set = await Chat.SayAsync(Ana, "/incident action set INC-1 1 due 5d");
        var closed = await Chat.SayAsync(Ana, "/incident close INC-1");

        close.Reply.Should().Be("INC-1 cannot close yet: every corrective action needs an owner and a due date, or must be dropped. "
            + "#1 \"Alert on expiry\" has no due date. Set them with /incident action set INC-1 <k> owner <@person> due <date>, "
            + "or drop one with /incident action drop INC-1 <k> <reason>.");
        set.Reply.Should().Be("Ana set INC-1 #1 (Alert on expiry): owner Chen · due Sun 9 Mar 11:30 (Asia/Kolkata).\n"
            + "Every corrective action of INC-1 now has an owner and a due date: close it with /incident close INC-1.");
        closed.Reply.Split('\n')[0].Should().Be("Ana closed INC-1.");
    }
}
