using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Json;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// The <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation of client-side apply, which upstream
/// uses to let <c>kubectl apply --server-side</c> take over fields from client-side apply without conflicts and
/// keeps up to date afterwards (its <c>lastAppliedManager</c> and <c>lastAppliedUpdater</c>).
/// </summary>
internal static class LastAppliedConfiguration
{
    public const string Annotation = "kubectl.kubernetes.io/last-applied-configuration";

    // apimachinery's TotalAnnotationSizeLimitB.
    private const long TotalAnnotationSizeLimit = 256 * 1024;

    public static string? Read(JsonObject obj) =>
        obj["metadata"] is JsonObject { } metadata
        && metadata["annotations"] is JsonObject annotations
        && JsonValues.KindOf(annotations[Annotation]) == JsonKind.String
        && annotations[Annotation]!.GetValue<string>() is { Length: > 0 } value
            ? value
            : null;

    /// <summary>The annotation value for an applied configuration: its JSON as Go encodes it, without the annotation.</summary>
    public static string Build(JsonObject applied)
    {
        var copy = (JsonObject)applied.DeepClone();
        if (copy["metadata"] is JsonObject metadata && metadata["annotations"] is JsonObject annotations)
        {
            annotations.Remove(Annotation);
        }

        return GoJson.Marshal(copy) + "\n";
    }

    /// <summary>
    /// Sets the annotation, or drops it when the annotations would exceed the 256 KiB limit kube-apiserver
    /// validates (upstream prefers losing the annotation over failing the apply).
    /// </summary>
    public static void Write(JsonObject obj, string value)
    {
        if (obj["metadata"] is not JsonObject metadata || metadata["annotations"] is not JsonObject annotations)
        {
            return;
        }

        annotations[Annotation] = value;
        long size = 0;
        foreach (var (key, annotation) in annotations)
        {
            size += Encoding.UTF8.GetByteCount(key);
            if (JsonValues.KindOf(annotation) == JsonKind.String)
            {
                size += Encoding.UTF8.GetByteCount(annotation!.GetValue<string>());
            }
        }

        if (size > TotalAnnotationSizeLimit)
        {
            annotations.Remove(Annotation);
        }
    }

    /// <summary>
    /// The fields client-side apply last set that still hold the value it set; conflicts on them do not block
    /// <c>kubectl</c>'s server-side apply. <see langword="null"/> when there is no usable annotation.
    /// </summary>
    public static FieldSet? UnchangedFields(JsonObject live, string apiVersion, PatchMeta meta)
    {
        if (Read(live) is not { } text)
        {
            return null;
        }

        JsonObject? lastApplied;
        try
        {
            lastApplied = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (lastApplied is null
            || JsonValues.KindOf(lastApplied["apiVersion"]) != JsonKind.String
            || lastApplied["apiVersion"]!.GetValue<string>() != apiVersion)
        {
            return null;
        }

        FieldSet fields;
        try
        {
            fields = FieldSetBuilder.Build(lastApplied, meta);
        }
        catch (SchemaViolationException)
        {
            return null;
        }

        var comparison = StructuredComparer.Compare(lastApplied, live, meta);
        return fields.Except(comparison.Modified).Except(comparison.Added).Except(comparison.Removed);
    }
}
