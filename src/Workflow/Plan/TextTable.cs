using System.Text;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>A plain-text table with left-aligned columns padded to the widest cell, for terminals and logs.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(StringBuilder output, string indent)
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length && i < widths.Length; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        }

        foreach (var row in _rows)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Length ? row[i] : "";
                // Two spaces between columns; the last column is not padded so lines carry no trailing blanks.
                line.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
            }

            output.AppendLine(line.ToString().TrimEnd());
        }
    }
}
