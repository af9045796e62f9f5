namespace Karmada.Controllers.Detector;

/// <summary>
/// Which APIs the detector never watches (upstream <c>util.SkippedResourceConfig</c>): by default Karmada's own groups
/// (<c>*.karmada.io</c>), <c>events.k8s.io</c>, core Events and <c>coordination.k8s.io/v1</c> (Leases); plus the
/// <c>--skipped-propagating-apis</c> entries, separated by <c>;</c>, each a <c>group</c>, a <c>group/version</c> or a
/// <c>group/version/Kind,Kind</c>.
/// </summary>
public sealed class SkippedApis
{
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal) { "events.k8s.io" };
    private readonly HashSet<string> _groupVersions = new(StringComparer.Ordinal) { "coordination.k8s.io/v1" };
    private readonly HashSet<(string GroupVersion, string Kind)> _kinds = [("v1", "Event")];

    /// <summary>The default skip list plus <paramref name="extra"/> (the flag's value; null or empty adds nothing).</summary>
    /// <exception cref="ArgumentException">An entry has more than three parts or an empty kind list.</exception>
    public SkippedApis(string? extra = null)
    {
        if (string.IsNullOrWhiteSpace(extra))
        {
            return;
        }

        foreach (var entry in extra.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('/');
            switch (parts.Length)
            {
                case 1:
                    _groups.Add(parts[0]);
                    break;
                case 2:
                    _groupVersions.Add(entry);
                    break;
                case 3:
                    var kinds = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (kinds.Length == 0)
                    {
                        throw new ArgumentException($"Invalid skipped API '{entry}': no kind after the version.", nameof(extra));
                    }

                    foreach (var kind in kinds)
                    {
                        _kinds.Add(($"{parts[0]}/{parts[1]}", kind));
                    }

                    break;
                default:
                    throw new ArgumentException($"Invalid skipped API '{entry}': expected group, group/version or group/version/Kind,Kind.", nameof(extra));
            }
        }
    }

    /// <summary>Whether objects of <paramref name="kind"/> served at <paramref name="group"/>/<paramref name="version"/> are skipped.</summary>
    public bool IsSkipped(string group, string version, string kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        var groupVersion = group.Length == 0 ? version : $"{group}/{version}";
        return group.EndsWith(".karmada.io", StringComparison.Ordinal)
            || _groups.Contains(group)
            || _groupVersions.Contains(groupVersion)
            || _kinds.Contains((groupVersion, kind));
    }
}
