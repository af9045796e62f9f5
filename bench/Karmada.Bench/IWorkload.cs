namespace Karmada.Bench;

/// <summary>One benchmark workload, selected by its <see cref="Name"/> as the first command-line argument.</summary>
public interface IWorkload
{
    /// <summary>The subcommand, for example <c>apiserver</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Extra usage lines (options this workload understands beyond the common ones).</summary>
    IReadOnlyList<string> Usage { get; }

    /// <summary>Runs the workload, prints a human table and, with <c>--json</c>, one JSON object on the last line.</summary>
    Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken);
}
