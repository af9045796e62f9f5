using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Karmada.Cli.Versions;

/// <summary>karmadactl's own version, in the shape of apimachinery's <c>version.Info</c>.</summary>
public static class ClientVersion
{
    /// <summary><c>v</c> plus the assembly's informational version without build metadata, e.g. <c>v1.0.0</c>.</summary>
    public static string GitVersion
    {
        get
        {
            var informational = typeof(ClientVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return "v" + (plus < 0 ? informational : informational[..plus]);
        }
    }

    public static JsonObject Info()
    {
        var version = GitVersion.TrimStart('v').Split('.', '-');
        return new JsonObject
        {
            ["major"] = version.ElementAtOrDefault(0) ?? "0",
            ["minor"] = version.ElementAtOrDefault(1) ?? "0",
            ["gitVersion"] = GitVersion,
            ["platform"] = $"{(OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : "windows")}/{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}",
            ["runtime"] = RuntimeInformation.FrameworkDescription,
        };
    }
}
