using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Http;

/// <summary>
/// What <c>/version</c> reports. The minor version is realistic so kubectl 1.27-1.33 see at most the skew they accept
/// without warnings for the versions in between; members may report other versions (simulated clusters).
/// </summary>
public sealed record ServerVersion(string Major = "1", string Minor = "31", string GitVersion = "v1.31.0-karmada.net")
{
    public JsonObject ToJson() => new()
    {
        ["major"] = Major,
        ["minor"] = Minor,
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-11-28T00:00:00Z",
        ["goVersion"] = "dotnet10",
        ["compiler"] = "dotnet",
        ["platform"] = "linux/amd64",
    };
}
