using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Collects every problem in one plan file, so the loader can keep going after the first.</summary>
internal sealed class PlanErrorList(string file)
{
    private readonly List<PlanError> _errors = [];

    public string File { get; } = file;

    public bool Any => _errors.Count > 0;

    public void Add(int line, string message) => _errors.Add(new PlanError(File, line, message));

    public void Add(YamlNode node, string message) => Add(LineOf(node), message);

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    /// <summary>Errors by line; the sort is stable so problems on one line keep the order they were found in.</summary>
    public IReadOnlyList<PlanError> Sorted() => _errors.OrderBy(e => e.Line).ToList();

    public PlanValidationException ToException() => new(Sorted());
}
