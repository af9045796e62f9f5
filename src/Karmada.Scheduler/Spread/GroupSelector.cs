namespace Karmada.Scheduler.Spread;

/// <summary>
/// Upstream's <c>selectGroups</c>: a depth-first search for every combination of [min, max] groups whose values reach
/// the target, then the best one by weight, value and discovery order, preferring a shorter prefix of the best path.
/// </summary>
public static class GroupSelector
{
    /// <summary>The chosen groups, weight descending then name; empty when no combination satisfies the constraints.</summary>
    public static IReadOnlyList<GroupInfo> SelectGroups(IReadOnlyList<GroupInfo> groups, int minConstraint, int maxConstraint, long target)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            return [];
        }

        var paths = FindFeasiblePaths(groups, minConstraint, maxConstraint, target);
        return paths.Count == 0 ? [] : PrioritizePaths(paths).Groups;
    }

    private static List<Path> FindFeasiblePaths(IReadOnlyList<GroupInfo> groups, int minConstraint, int maxConstraint, long target)
    {
        var sorted = groups.ToList();
        sorted.Sort(static (a, b) =>
        {
            if (a.Value != b.Value)
            {
                return a.Value.CompareTo(b.Value);
            }

            if (a.Weight != b.Weight)
            {
                return b.Weight.CompareTo(a.Weight);
            }

            return string.CompareOrdinal(a.Name, b.Name);
        });

        var paths = new List<Path>();
        var current = new List<GroupInfo>();
        var nextId = 0;

        void Search(long sum, int begin)
        {
            if (sum >= target && current.Count >= minConstraint && current.Count <= maxConstraint)
            {
                paths.Add(Path.Snapshot(++nextId, current));
                return;
            }

            // A path already at the maximum length cannot be extended.
            if (current.Count >= maxConstraint)
            {
                return;
            }

            for (var i = begin; i < sorted.Count; i++)
            {
                current.Add(sorted[i]);
                Search(sum + sorted[i].Value, i + 1);
                current.RemoveAt(current.Count - 1);
            }
        }

        Search(0, 0);
        return paths;
    }

    private static Path PrioritizePaths(List<Path> paths)
    {
        if (paths.Count == 1)
        {
            return paths[0];
        }

        paths.Sort(static (a, b) =>
        {
            if (a.Weight != b.Weight)
            {
                return b.Weight.CompareTo(a.Weight);
            }

            if (a.Value != b.Value)
            {
                return b.Value.CompareTo(a.Value);
            }

            return a.Id.CompareTo(b.Id);
        });

        // A feasible path that is a prefix of the best one reaches the target with fewer groups: prefer it.
        var best = paths[0];
        for (var i = 1; i < paths.Count; i++)
        {
            if (best.HasPrefix(paths[i]))
            {
                best = paths[i];
            }
        }

        return best;
    }

    private sealed class Path
    {
        private Path(int id, List<GroupInfo> groups)
        {
            Id = id;
            Groups = groups;
            foreach (var group in groups)
            {
                Weight += group.Weight;
                Value += group.Value;
            }
        }

        public int Id { get; }

        public List<GroupInfo> Groups { get; }

        public long Weight { get; }

        public long Value { get; }

        public static Path Snapshot(int id, List<GroupInfo> current)
        {
            var groups = current.ToList();
            groups.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Name, b.Name));
            return new(id, groups);
        }

        public bool HasPrefix(Path other)
        {
            if (other.Groups.Count >= Groups.Count)
            {
                return false;
            }

            for (var i = 0; i < other.Groups.Count; i++)
            {
                if (Groups[i].Name != other.Groups[i].Name)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
