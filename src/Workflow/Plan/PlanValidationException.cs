namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// Thrown when a response plan cannot be loaded: the file is missing, is not valid YAML, or breaks
/// the plan's rules. <see cref="Errors"/> holds every problem found, not just the first, so an editor
/// can fix them all in one pass; <see cref="Exception.Message"/> lists them one per line.
/// </summary>
public sealed class PlanValidationException : Exception
{
    public PlanValidationException(IReadOnlyList<PlanError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>All problems found, ordered by line.</summary>
    public IReadOnlyList<PlanError> Errors { get; }

    private static string Describe(IReadOnlyList<PlanError> errors) =>
        errors.Count == 0
            ? "The response plan is invalid."
            : string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}
