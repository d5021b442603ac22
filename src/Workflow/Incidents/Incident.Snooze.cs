using Jivrus.IncidentBot.Workflow.Plan;
using T = Jivrus.IncidentBot.Workflow.Incidents.IncidentTrigger;

namespace Jivrus.IncidentBot.Workflow.Incidents;

public sealed partial class Incident
{
    /// <summary>The longest snooze of an update reminder; longer silences need a real update with <c>next</c>.</summary>
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromHours(4);

    /// <summary>Puts off the next update reminder without posting an update (the nudge's snooze buttons).</summary>
    public Outcome SnoozeUpdates(Actor who, TimeSpan delay)
    {
        if (!Machine.CanFire(T.SnoozeUpdates))
            return Outcome.Refused(Refusal(T.SnoozeUpdates, who));
        if (delay <= TimeSpan.Zero || delay > MaxSnooze)
            return Outcome.Refused($"A snooze lasts between 1m and {DurationText.Format(MaxSnooze)}; post an update with next <duration> for longer.");

        Machine.Fire(T.SnoozeUpdates);
        NextUpdatePromisedAt = Now + delay;
        UpdateNudges = 0;
        var text = $"{who.Name} snoozed the update reminder of {Id} for {DurationText.Format(delay)}.";
        Record(who, "snoozed", text, State);
        Notify(NoticeKind.CardUpdate, Audience.Incident, text);
        return Outcome.Accepted(text);
    }
}
