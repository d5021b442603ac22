using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>Firing an incident's deadlines one after the other, as the host would.</summary>
public static class TimerSteps
{
    /// <summary>
    /// Fires the incident's timer row (its next deadline), moving the clock to its due time when that lies ahead, then
    /// the row that follows, until one of kind <paramref name="until"/> has fired. Returns the rows fired, in order.
    /// </summary>
    public static async Task<List<IncidentTimer>> FireNextAsync(this TestStore store, int number, TimerKind until)
    {
        var fired = new List<IncidentTimer>();
        while (fired.Count < 100)
        {
            var next = (await store.Desk.TimersOfAsync(number)).Single();
            if (next.DueAt > store.Time.GetUtcNow())
                store.Time.SetUtcNow(next.DueAt);
            (await store.Desk.FireTimerAsync(next.Id)).Should().Be(TimerResult.Fired, "{0} is the incident's next deadline", next);
            fired.Add(next);
            if (next.Kind == until)
                return fired;
        }

        throw new InvalidOperationException($"INC-{number} fired 100 deadlines without reaching {until}.");
    }
}
