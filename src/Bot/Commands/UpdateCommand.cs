using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident update [INC-n] [text] [next &lt;duration&gt;] [eta &lt;duration|HH:mm&gt;]</c>; the clauses are removed
/// from <see cref="Text"/>, which is null when the update is only a promise or an ETA.
/// </summary>
public sealed record UpdateCommand(int? IncidentNumber, string? Text, TimeSpan? Next, EtaPromise? Eta) : IncidentCommand;
