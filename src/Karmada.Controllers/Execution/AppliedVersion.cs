using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Karmada.Controllers.Execution;

/// <summary>
/// What the execution controller last wrote to a member object: a digest of the desired manifest and the version of
/// the object the member returned. The object is in step while both still match; a new manifest or a member object
/// changed by someone else (another version) means it has to be applied again.
/// </summary>
public sealed record AppliedVersion(string ManifestDigest, string ObjectVersion)
{
    /// <summary>The version of a newly created object of a kind that keeps a generation.</summary>
    public const string FirstGeneration = "gen:1";

    /// <summary>Records the result of writing <paramref name="manifest"/>, which gave <paramref name="memberObject"/>.</summary>
    public static AppliedVersion Of(JsonObject manifest, JsonObject memberObject) => new(Digest(manifest), VersionOf(memberObject));

    /// <summary>A stable digest of a manifest's JSON.</summary>
    public static string Digest(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToJsonString())));
    }

    /// <summary>
    /// The version of a member object (kubefed's <c>ObjectVersion</c>): <c>gen:N</c> when the kind keeps a
    /// generation, which status writes by member controllers do not bump, else <c>rv:X</c>.
    /// </summary>
    public static string VersionOf(JsonObject memberObject)
    {
        ArgumentNullException.ThrowIfNull(memberObject);
        var metadata = memberObject["metadata"] as JsonObject;
        var generation = metadata?["generation"] is JsonValue g
            && long.TryParse(g.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        return generation > 0
            ? $"gen:{generation}"
            : $"rv:{(metadata?["resourceVersion"] is JsonValue rv && rv.TryGetValue<string>(out var text) ? text : "")}";
    }

    /// <summary>Whether the version is a generation, which metadata changes do not bump.</summary>
    public bool IsGeneration => ObjectVersion.StartsWith("gen:", StringComparison.Ordinal);
}
