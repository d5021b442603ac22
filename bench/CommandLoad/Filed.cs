using System.Globalization;

namespace Jivrus.IncidentBot.Bench.CommandLoad;

/// <summary>Incident numbers INC-First..INC-Last (as the host answered them, not assumed); a mix cycles over them.</summary>
internal sealed record NumberRange(int First, int Last)
{
    public static readonly NumberRange None = new(0, -1);

    public int Count => Math.Max(0, Last - First + 1);

    public int At(long n) => Count == 0 ? throw new InvalidOperationException("No incidents were filed for this mix.") : First + (int)(n % Count);

    public static NumberRange Of(IReadOnlyCollection<int> numbers) => numbers.Count == 0 ? None : new(numbers.Min(), numbers.Max());
}

/// <summary>
/// What was filed before the mixes ran: the incidents <c>show</c> and <c>list</c> read, the history filed with
/// <c>--seed-incidents</c> (open, or resolved and closed), and the open incidents <c>ack</c> acknowledges.
/// </summary>
internal sealed record Filed(NumberRange Show, NumberRange History, bool HistoryClosed, NumberRange Ack)
{
    public NumberRange All => new(1, Math.Max(Math.Max(Show.Last, History.Last), Ack.Last));

    public string Describe() => Show.First > 1 && History.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"INC-1..INC-{Show.First - 1} were in the database before; {Show.Count:N0} incidents filed")
        : History.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Show.Count:N0} incidents filed")
        : string.Create(CultureInfo.InvariantCulture, $"{Show.Count:N0} incidents filed, then {History.Count:N0} more {(HistoryClosed ? "resolved and closed" : "left open")}");
}
