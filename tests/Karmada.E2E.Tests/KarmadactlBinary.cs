using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// The karmadactl built beside these tests: next to the karmada binary, or in the Karmada.Cli output folder of the
/// same build layout (classic bin/ or --artifacts-path); <c>KARMADACTL_PATH</c> overrides.
/// </summary>
public static class KarmadactlBinary
{
    public static string Path
    {
        get
        {
            var candidates = new List<string>();
            if (Environment.GetEnvironmentVariable("KARMADACTL_PATH") is { Length: > 0 } overridePath)
            {
                candidates.Add(overridePath);
            }

            var baseDir = AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar);
            candidates.Add(System.IO.Path.Combine(baseDir, "karmadactl.dll"));

            // --artifacts-path: <art>/bin/Karmada.E2E.Tests/<config> → <art>/bin/Karmada.Cli/<config>
            var config = System.IO.Path.GetFileName(baseDir);
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(baseDir)) is { } binRoot)
            {
                candidates.Add(System.IO.Path.Combine(binRoot, "Karmada.Cli", config, "karmadactl.dll"));
            }

            // Classic: tests/Karmada.E2E.Tests/bin/<Config>/<tfm> → src/Karmada.Cli/bin/<Config>/<tfm>
            var configuration = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(baseDir));
            var repo = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, "..", "..", "..", "..", ".."));
            if (configuration is not null)
            {
                candidates.Add(System.IO.Path.Combine(repo, "src", "Karmada.Cli", "bin", configuration, config, "karmadactl.dll"));
            }

            return candidates.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"karmadactl.dll not found (build src/Karmada.Cli first); looked at: {string.Join(", ", candidates)}");
        }
    }

    public static Task<ProcessResult> RunAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [Path, .. args], null, null, TimeSpan.FromSeconds(120));
}
