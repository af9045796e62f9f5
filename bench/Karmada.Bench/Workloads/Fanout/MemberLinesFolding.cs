using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Karmada.Bench.Workloads.Fanout;

/// <summary>
/// Folds the per-member lines of a <c>ControllerStats</c> report (every simulated member has its own queues and client)
/// into one line per component: <c>queue member*-kubelet (300 members) taken=… retries=…</c>. Counts are summed, maxima
/// kept, means weighted by the items taken; a thousand near-identical lines said nothing a sum does not.
/// </summary>
public static partial class MemberLinesFolding
{
    public static string Fold(string report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var folded = new Dictionary<string, (int Members, Dictionary<string, double> Sums, Dictionary<string, double> Maxima, Dictionary<string, double> WeightedMeans)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in report.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MemberName().IsMatch(line))
            {
                text.Append("  ").AppendLine(line);
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var key = fields[0] + " " + MemberName().Replace(fields[1], "member*");
            if (!folded.TryGetValue(key, out var entry))
            {
                entry = (0, new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
                order.Add(key);
            }

            entry.Members++;
            var taken = 1.0;
            string? meanOf = null;
            foreach (var field in fields.Skip(2))
            {
                var parts = field.Split('=', 2);
                if (parts.Length != 2)
                {
                    meanOf = parts[0];
                    continue;
                }

                var name = meanOf is null ? parts[0] : $"{meanOf} {parts[0]}";
                if (!double.TryParse(parts[1].Replace("ms", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }

                if (parts[0] == "taken")
                {
                    taken = value;
                }

                if (parts[0] == "max")
                {
                    entry.Maxima[name] = Math.Max(entry.Maxima.GetValueOrDefault(name), value);
                    meanOf = null;
                }
                else if (parts[0] == "mean")
                {
                    entry.WeightedMeans[name] = entry.WeightedMeans.GetValueOrDefault(name) + (value * taken);
                }
                else
                {
                    entry.Sums[name] = entry.Sums.GetValueOrDefault(name) + value;
                }
            }

            folded[key] = entry;
        }

        foreach (var key in order)
        {
            var (members, sums, maxima, means) = folded[key];
            var taken = sums.GetValueOrDefault("taken", 1);
            var fields = sums.Select(s => Invariant($"{s.Key}={s.Value:0}"))
                .Concat(means.Select(m => Invariant($"{m.Key}={m.Value / Math.Max(1, taken):F1}ms")))
                .Concat(maxima.Select(m => Invariant($"{m.Key}={m.Value:0}ms")));
            text.AppendLine(null, $"  {key} ({members} members) {string.Join(' ', fields)}");
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString value) => FormattableString.Invariant(value);

    [GeneratedRegex(@"member\d+", RegexOptions.CultureInvariant)]
    private static partial Regex MemberName();
}
