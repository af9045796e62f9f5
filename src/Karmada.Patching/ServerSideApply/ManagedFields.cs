using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// The decoded <c>metadata.managedFields</c> of an object: entries keyed by <see cref="ManagerKey"/>, encoded back
/// exactly as kube-apiserver stores them (field order, sort order, RFC 3339 seconds in UTC).
/// </summary>
internal sealed class ManagedFields
{
    private const string FieldsV1 = "FieldsV1";

    public Dictionary<ManagerKey, ManagedEntry> Entries { get; } = [];

    public bool IsEmpty => Entries.Count == 0;

    public ManagedFields Clone()
    {
        var clone = new ManagedFields();
        foreach (var (key, entry) in Entries)
        {
            clone.Entries[key] = entry;
        }

        return clone;
    }

    /// <exception cref="FormatException">An entry is malformed (upstream refuses to decode it).</exception>
    public static ManagedFields Decode(JsonNode? encoded)
    {
        var result = new ManagedFields();
        if (encoded is null)
        {
            return result;
        }

        if (encoded is not JsonArray entries)
        {
            throw new FormatException("managedFields must be a list");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not JsonObject entry)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"managed fields entry {i} is not an object"));
            }

            var operation = String(entry, "operation");
            if (operation is not (ManagerKey.ApplyOperation or ManagerKey.UpdateOperation))
            {
                throw new FormatException("operation must be `Apply` or `Update`");
            }

            var apiVersion = String(entry, "apiVersion");
            if (string.IsNullOrEmpty(apiVersion))
            {
                throw new FormatException("apiVersion must not be empty");
            }

            switch (String(entry, "fieldsType"))
            {
                case FieldsV1:
                    break;
                case null or "":
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"missing fieldsType in managed fields entry {i}"));
                case var other:
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"invalid fieldsType \"{other}\" in managed fields entry {i}"));
            }

            var fields = entry["fieldsV1"] switch
            {
                null => new FieldSet(),
                JsonObject obj => FieldSet.FromFieldsV1(obj),
                _ => throw new FormatException("fieldsV1 must be an object"),
            };

            DateTimeOffset? time = null;
            if (String(entry, "time") is { } text)
            {
                time = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new FormatException($"invalid time \"{text}\"");
            }

            var manager = String(entry, "manager") ?? "";
            var subresource = String(entry, "subresource");
            var key = operation == ManagerKey.ApplyOperation
                ? ManagerKey.ForApply(manager, subresource)
                : ManagerKey.ForUpdate(manager, apiVersion, subresource);
            result.Entries[key] = new ManagedEntry(fields, apiVersion, time);
        }

        return result;
    }

    /// <summary>Encodes the entries, or returns <see langword="null"/> when there are none.</summary>
    public JsonArray? Encode()
    {
        if (Entries.Count == 0)
        {
            return null;
        }

        var ordered = Entries
            .OrderBy(e => e.Key.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Value.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Key.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.Value.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Subresource ?? "", StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var (key, entry) in ordered)
        {
            result.Add(EncodeEntry(key, entry.ApiVersion, entry.Time, entry.Fields.ToFieldsV1()));
        }

        return result;
    }

    /// <summary>One entry as kube-apiserver stores it (member order included).</summary>
    public static JsonObject EncodeEntry(ManagerKey key, string apiVersion, DateTimeOffset? time, JsonObject fieldsV1)
    {
        var encoded = new JsonObject();
        if (key.Manager.Length > 0)
        {
            encoded["manager"] = key.Manager;
        }

        encoded["operation"] = key.Operation;
        encoded["apiVersion"] = apiVersion;
        if (time is { } t)
        {
            encoded["time"] = FormatTime(t);
        }

        encoded["fieldsType"] = FieldsV1;
        encoded["fieldsV1"] = fieldsV1;
        if (key.Subresource is { Length: > 0 } subresource)
        {
            encoded["subresource"] = subresource;
        }

        return encoded;
    }

    /// <summary>
    /// Keeps at most <paramref name="maxUpdateManagers"/> <c>Update</c> entries by folding the oldest ones, per
    /// API version, into an entry of <paramref name="bucketManager"/> (upstream's <c>capManagersManager</c>).
    /// </summary>
    public void Cap(int maxUpdateManagers, string bucketManager)
    {
        var updaters = Entries.Keys.Where(k => !k.IsApply).ToList();
        if (updaters.Count <= maxUpdateManagers)
        {
            return;
        }

        updaters = [.. updaters
            .OrderBy(k => Entries[k].Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(k => k.Identifier(), StringComparer.Ordinal)];
        var firstByVersion = new Dictionary<string, ManagerKey>(StringComparer.Ordinal);
        var length = updaters.Count;
        for (var i = 0; i < updaters.Count && length > maxUpdateManagers; i++)
        {
            var key = updaters[i];
            var entry = Entries[key];
            var bucket = ManagerKey.ForUpdate(bucketManager, entry.ApiVersion, null);
            if (firstByVersion.TryGetValue(entry.ApiVersion, out var first))
            {
                if (!Entries.TryGetValue(bucket, out var bucketEntry))
                {
                    bucketEntry = Entries[first];
                    Entries.Remove(first);
                }

                Entries[bucket] = new ManagedEntry(entry.Fields.Union(bucketEntry.Fields), entry.ApiVersion, entry.Time);
                if (!key.Equals(bucket))
                {
                    Entries.Remove(key);
                }

                length--;
            }
            else
            {
                firstByVersion[entry.ApiVersion] = key;
            }
        }
    }

    /// <summary><c>metav1.Time</c> serialization: RFC 3339, whole seconds, UTC.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? String(JsonObject entry, string name) =>
        JsonValues.KindOf(entry[name]) == JsonKind.String ? entry[name]!.GetValue<string>() : null;
}
