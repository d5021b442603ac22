using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// Compares a transcript with its checked-in file, failing with a unified diff of the lines; with
/// <c>UPDATE_TRANSCRIPTS=1</c> it rewrites the file in the source tree instead.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "UPDATE_TRANSCRIPTS";
    private const int Context = 3;

    /// <returns>A sentence for the test output when the file was rewritten; null when it matched.</returns>
    public static string? Verify(string name, string actual, [CallerFilePath] string here = "")
    {
        var source = Path.Combine(Path.GetDirectoryName(here)!, name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(source, actual);
            return $"{UpdateVariable}=1: rewrote {source}; review it with git diff before committing.";
        }

        // The source tree when the tests run where they were built, else the copy beside the test assembly.
        var file = File.Exists(source) ? source : Path.Combine(AppContext.BaseDirectory, "Transcripts", name);
        if (!File.Exists(file))
            throw new XunitException($"No golden transcript {name}. Run the tests with {UpdateVariable}=1 to write it, then review and commit it.");
        var expected = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (expected == actual)
            return null;
        throw new XunitException(
            $"What people see in {name} changed. If the change is intended, run the tests with {UpdateVariable}=1 and commit the new file.\n"
            + $"--- {name} (checked in)\n+++ {name} (this run)\n" + Diff(Split(expected), Split(actual)));
    }

    private static string[] Split(string text) => text.TrimEnd('\n').Split('\n');

    /// <summary>A unified diff (hunks of changed lines with <see cref="Context"/> lines around them), from a longest common subsequence.</summary>
    public static string Diff(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var n = before.Count;
        var m = after.Count;
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        }

        // Each edit: ' ' kept, '-' only before, '+' only after, with its line numbers on both sides.
        var edits = new List<(char Op, string Line, int Before, int After)>();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && before[a] == after[b])
                edits.Add((' ', before[a++], a, ++b));
            else if (a < n && (b == m || common[a + 1, b] >= common[a, b + 1]))
                edits.Add(('-', before[a++], a, b));
            else
                edits.Add(('+', after[b++], a, b));
        }

        var text = new StringBuilder();
        for (var k = 0; k < edits.Count;)
        {
            if (edits[k].Op == ' ')
            {
                k++;
                continue;
            }

            var start = Math.Max(0, k - Context);
            var end = k;
            // Extend the hunk while the next change is within two contexts.
            while (end < edits.Count)
            {
                var next = edits.FindIndex(end, e => e.Op != ' ');
                if (next < 0 || next - end > 2 * Context)
                    break;
                end = next + 1;
            }

            end = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, end - start);
            var beforeStart = hunk.FirstOrDefault(e => e.Op != '+').Before;
            var afterStart = hunk.FirstOrDefault(e => e.Op != '-').After;
            text.Append($"@@ -{beforeStart},{hunk.Count(e => e.Op != '+')} +{afterStart},{hunk.Count(e => e.Op != '-')} @@\n");
            foreach (var edit in hunk)
                text.Append(edit.Op).Append(edit.Line).Append('\n');
            k = end;
        }

        return text.ToString();
    }
}
