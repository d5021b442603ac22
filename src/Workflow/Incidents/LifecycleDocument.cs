namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>The text of docs/incident-lifecycle.md around the diagram generated from the state machine.</summary>
public static class LifecycleDocument
{
    public static string Render(string mermaid) => $$"""
        # Incident lifecycle

        Generated from the state machine inside `Incident` (`src/Workflow/Incidents`) with
        `MermaidGraph.Format(machine.GetInfo())`. Do not edit by hand: a test fails when this file and the
        machine disagree. Regenerate with `INCIDENTBOT_UPDATE_DOCS=1 dotnet test --filter LifecycleDoc`.

        - `Reported`, `Acknowledged` and `Mitigated` are the substates of `Open`.
        - Guards are written in the words of the Support Policy; a trigger whose guard fails is answered
          with a sentence, never an exception, and the refusal is recorded on the timeline.
        - Timer triggers (`AckReminder`, `AckTimeout`, `UpdateDue`, `ResolveWarning`, `ResolveBreach`,
          `RcaReminder`, `RcaDue`) fire only when the timer was planned for the incident's current version.

        ```mermaid
        {{Readable(mermaid)}}
        ```

        """.ReplaceLineEndings("\n");

    // Stateless labels actions without a description "[Function]"; here they are the internal transitions.
    private static string Readable(string mermaid) =>
        mermaid.Trim().ReplaceLineEndings("\n").Replace(" [Function]", " (internal)", StringComparison.Ordinal);
}
