using System.Text;

namespace Karmada.Cli.Output;

/// <summary>
/// Aligns columns as kubectl's printers do (Go's tabwriter with minimum width 6 and padding 3): every column but the
/// last is padded to its widest cell plus three spaces; the header is the first row.
/// </summary>
public static class TableWriter
{
    private const int MinWidth = 6;
    private const int Padding = 3;

    public static string Format(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = new int[headers.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Math.Max(MinWidth, Cell(row, i).Length + Padding));
            }
        }

        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = Cell(row, i);
                line.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i]));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(IReadOnlyList<string> row, int index) => index < row.Count ? row[index] : "";
}
