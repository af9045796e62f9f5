using System.Diagnostics;
using System.Globalization;

namespace Karmada.Bench.Measurement;

/// <summary>Process-wide counters: CPU time, allocations, GC counts, resident set size.</summary>
public readonly record struct ResourceProbe(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static ResourceProbe Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ResourceProbe(
            process.TotalProcessorTime,
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));
    }

    public ResourceDelta Since(ResourceProbe start) =>
        new(Cpu - start.Cpu, AllocatedBytes - start.AllocatedBytes, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2);

    /// <summary>Resident set size in bytes, read from <c>/proc/self/status</c> (VmRSS) after a full, compacting collection.</summary>
    public static async Task<long> SettledRssBytesAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        await Task.Delay(250, cancellationToken);
        return await RssBytesAsync(cancellationToken);
    }

    public static async Task<long> RssBytesAsync(CancellationToken cancellationToken)
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path))
        {
            return Environment.WorkingSet;
        }

        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Environment.WorkingSet;
    }
}
