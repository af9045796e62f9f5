using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Caching;

/// <summary>
/// One object as the API server serves it: JSON bytes with the resourceVersion stamped in, plus its summary.
/// Immutable and shared by every reader and watcher; <see cref="ToJsonObject"/> gives each caller its own copy.
/// </summary>
public sealed class CachedObject(string key, byte[] json, long revision, long createRevision, ObjectSummary summary)
{
    public string Key { get; } = key;

    /// <summary>Serialized object including <c>metadata.resourceVersion</c>.</summary>
    public byte[] Json { get; } = json;

    public long Revision { get; } = revision;

    public long CreateRevision { get; } = createRevision;

    public ObjectSummary Summary { get; } = summary;

    public JsonObject ToJsonObject() => JsonNode.Parse(Json)!.AsObject();

    public static CachedObject FromStored(string key, ReadOnlySpan<byte> storedJson, long revision, long createRevision)
    {
        var stamped = ResourceVersionStamper.Stamp(storedJson, revision);
        return new CachedObject(key, stamped, revision, createRevision, ObjectSummary.Read(stamped));
    }
}
