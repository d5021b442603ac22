namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>One problem found in a response plan file.</summary>
/// <param name="File">The file name as given to the loader.</param>
/// <param name="Line">1-based line of the offending node; 0 when the problem is the file itself.</param>
/// <param name="Message">What is wrong, in a sentence a plan editor can act on.</param>
public sealed record PlanError(string File, int Line, string Message)
{
    /// <summary>Compiler-style form, <c>plan.yaml:12: unknown person 'zed' in escalation level L2</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {Message}";
}
