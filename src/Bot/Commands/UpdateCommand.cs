namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident update [INC-n] &lt;text&gt; [next &lt;duration&gt;] [eta &lt;duration&gt;]</c>; the clauses are removed from <see cref="Text"/>.</summary>
public sealed record UpdateCommand(int? IncidentNumber, string Text, TimeSpan? Next, TimeSpan? Eta) : IncidentCommand;
