namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// Outcome of parsing: either a <see cref="Command"/> or an <see cref="Error"/> — a short line,
/// usually the usage of the sub-command, fit to show to the user as it is. Never both, never neither.
/// </summary>
public sealed record ParseResult(IncidentCommand? Command, string? Error)
{
    public bool Ok => Command is not null && Error is null;

    public static ParseResult Success(IncidentCommand command) => new(command, null);

    public static ParseResult Failure(string error) => new(null, error);

    public static implicit operator ParseResult(IncidentCommand command) => Success(command);
}
