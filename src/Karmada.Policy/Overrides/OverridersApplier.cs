using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Json;

namespace Karmada.Policy.Overrides;

/// <summary>
/// Applies one rule's overriders to a resource in upstream's fixed order (<c>applyPolicyOverriders</c>): image,
/// command, args, labels, annotations, field, and plaintext last.
/// </summary>
public static class OverridersApplier
{
    /// <summary>Applies <paramref name="overriders"/> to <paramref name="obj"/> in place.</summary>
    /// <exception cref="OverrideException">An overrider cannot be applied.</exception>
    public static void Apply(JsonObject obj, Overriders overriders)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(overriders);
        foreach (var image in overriders.ImageOverrider)
        {
            ApplyPatches(obj, ImageOverriderPatches.Build(obj, image));
        }

        foreach (var command in overriders.CommandOverrider)
        {
            ApplyPatches(obj, CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.CommandField, obj, command));
        }

        foreach (var args in overriders.ArgsOverrider)
        {
            ApplyPatches(obj, CommandArgsOverriderPatches.Build(CommandArgsOverriderPatches.ArgsField, obj, args));
        }

        foreach (var labels in overriders.LabelsOverrider)
        {
            ApplyPatches(obj, LabelAnnotationOverriderPatches.Build(obj, labels, LabelAnnotationOverriderPatches.LabelsField));
        }

        foreach (var annotations in overriders.AnnotationsOverrider)
        {
            ApplyPatches(obj, LabelAnnotationOverriderPatches.Build(obj, annotations, LabelAnnotationOverriderPatches.AnnotationsField));
        }

        FieldOverriderApplier.Apply(obj, overriders.FieldOverrider);
        ApplyPatches(obj, PlaintextOverriderPatches.Build(overriders.Plaintext));
    }

    /// <summary>Applies JSON patches to the object in place; the patched document must remain an object.</summary>
    public static void ApplyPatches(JsonObject obj, IReadOnlyList<JsonPatchOperation> patches)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(patches);
        if (patches.Count == 0)
        {
            return;
        }

        JsonNode? result;
        try
        {
            result = JsonPatch.Apply(obj, patches);
        }
        catch (JsonPatchException ex)
        {
            throw new OverrideException(ex.Message, ex);
        }

        if (!ReferenceEquals(result, obj))
        {
            // A patch on the root path replaced the whole document; carry the new content into the caller's object.
            if (result is not JsonObject replacement)
            {
                throw new OverrideException("the patched document is not an object");
            }

            var copy = (JsonObject)replacement.DeepClone();
            obj.Clear();
            foreach (var (key, value) in copy.ToList())
            {
                copy.Remove(key);
                obj[key] = value;
            }
        }
    }
}
