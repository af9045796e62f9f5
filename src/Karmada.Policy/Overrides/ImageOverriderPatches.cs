using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Json;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Overrides;

/// <summary>
/// The JSON patches of an image overrider (upstream <c>imageoverride.go</c>): without a predicate, one
/// <c>replace</c> per container image of a Pod, ReplicaSet, Deployment, DaemonSet, StatefulSet or Job (other kinds
/// get none); with a predicate, one <c>replace</c> at the predicate path.
/// </summary>
public static class ImageOverriderPatches
{
    /// <summary>Builds the patches for <paramref name="overrider"/> against <paramref name="obj"/>.</summary>
    /// <exception cref="OverrideException">An image cannot be parsed or the predicate path does not lead to a string.</exception>
    public static IReadOnlyList<JsonPatchOperation> Build(JsonObject obj, ImageOverrider overrider)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(overrider);
        if (overrider.Predicate is null)
        {
            var prefix = WorkloadKinds.ImagePodSpecPrefix(UnstructuredFields.GetKind(obj));
            if (prefix is null)
            {
                return [];
            }

            var patches = new List<JsonPatchOperation>();
            var containers = NavigateContainers(obj, prefix);
            for (var i = 0; i < containers.Count; i++)
            {
                var image = (containers[i] as JsonObject)?["image"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                    ? value.GetValue<string>()
                    : "";
                patches.Add(Acquire(string.Create(CultureInfo.InvariantCulture, $"{prefix}/containers/{i}/image"), image, overrider));
            }

            return patches;
        }

        var path = overrider.Predicate.Path;
        string current;
        try
        {
            current = ObtainImageValue(obj, path);
        }
        catch (OverrideException ex)
        {
            throw new OverrideException($"failed to obtain imageValue with predicate path({path}), error: {ex.Message}", ex);
        }

        return [Acquire(path, current, overrider)];
    }

    /// <summary>The new image for <paramref name="currentImage"/> under the overrider's component and operator.</summary>
    public static string OverrideImage(string currentImage, ImageOverrider overrider)
    {
        ArgumentNullException.ThrowIfNull(overrider);
        ImageReference image;
        try
        {
            image = ImageReference.Parse(currentImage);
        }
        catch (FormatException ex)
        {
            throw new OverrideException($"failed to parse image value({currentImage}), error: {ex.Message}", ex);
        }

        var value = overrider.Value ?? "";
        switch (overrider.Component)
        {
            case ImageComponent.Registry:
                image.Hostname = overrider.Operator switch
                {
                    OverriderOperator.Add => image.Hostname + value,
                    OverriderOperator.Replace => value,
                    _ => "",
                };
                break;
            case ImageComponent.Repository:
                image.Repository = overrider.Operator switch
                {
                    OverriderOperator.Add => image.Repository + value,
                    OverriderOperator.Replace => value,
                    _ => "",
                };
                break;
            case ImageComponent.Tag:
                switch (overrider.Operator)
                {
                    case OverriderOperator.Add:
                        image.SetTagOrDigest(image.TagOrDigest + value);
                        break;
                    case OverriderOperator.Replace:
                        image.SetTagOrDigest(value);
                        break;
                    default:
                        image.RemoveTagOrDigest();
                        break;
                }

                break;
            default:
                throw new OverrideException($"unsupported image component({overrider.Component})");
        }

        return image.ToString();
    }

    private static JsonPatchOperation Acquire(string path, string currentImage, ImageOverrider overrider)
    {
        if (!path.StartsWith('/'))
        {
            throw new OverrideException("imagePath should be start with / character");
        }

        return new JsonPatchOperation("replace", path, JsonValue.Create(OverrideImage(currentImage, overrider)));
    }

    private static JsonArray NavigateContainers(JsonObject obj, string prefix)
    {
        JsonNode? current = obj;
        foreach (var segment in prefix.Trim('/').Split('/'))
        {
            current = (current as JsonObject)?[segment];
        }

        return (current as JsonObject)?["containers"] as JsonArray ?? [];
    }

    // Upstream walks the predicate path by hand: plain '/' split (no ~ unescaping), a list segment consumes the next
    // segment as its index, and the last segment must name a string.
    private static string ObtainImageValue(JsonObject obj, string predicatePath)
    {
        var segments = predicatePath.Trim('/').Split('/');
        var current = obj;
        for (var index = 0; index < segments.Length - 1; index++)
        {
            switch (current[segments[index]])
            {
                case JsonObject child:
                    current = child;
                    break;
                case JsonArray list:
                    if (!int.TryParse(segments[index + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var slot))
                    {
                        throw new OverrideException($"path({segments[index + 1]}) of rawObj's is not number");
                    }

                    current = slot >= 0 && slot < list.Count && list[slot] is JsonObject element
                        ? element
                        : throw new OverrideException($"path({segments[index + 1]}) of rawObj's is out of range");
                    index++;
                    break;
                default:
                    throw new OverrideException($"path({segments[index]}) of rawObj's type is not map[string]interface{{}} and []interface{{}}");
            }
        }

        return current[segments[^1]] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new OverrideException($"failed to convert path({segments[^1]}) to string");
    }
}
