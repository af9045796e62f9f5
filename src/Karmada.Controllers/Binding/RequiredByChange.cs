using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Binding;

/// <summary>
/// Recognises the spec change most new dependents make to an attached binding: its <c>requiredBy</c> list gained or
/// lost an entry, the clusters that entry names were already targeted (<see cref="TargetClusters.Merge"/> is
/// unchanged), and nothing else moved. The Works of a binding, the Works it keeps and its aggregated status are made of
/// the rest of the spec and those merged targets only, so such a change needs neither a Work sync nor a status sync;
/// the dependents of one ConfigMap (a hundred Deployments on the same members) otherwise cost a re-render of its Works
/// on every member and a status aggregation each.
/// </summary>
public static class RequiredByChange
{
    /// <summary>
    /// Whether <paramref name="current"/> differs from <paramref name="old"/> in <c>requiredBy</c> only, with the same
    /// merged target clusters (names and replicas, in order).
    /// </summary>
    public static bool ChangesNoTarget(ResourceBindingSpec old, ResourceBindingSpec current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        if ((old.RequiredBy.Count == 0 && current.RequiredBy.Count == 0)
            || !TargetClusters.Merge(old).Select(c => (c.Name, c.Replicas)).SequenceEqual(TargetClusters.Merge(current).Select(c => (c.Name, c.Replicas))))
        {
            return false;
        }

        // Compared as JSON without the list, so that a field added to the spec later is never taken for unchanged. The
        // list is left out by the contract rather than removed from a copy: it is nearly all of an attached binding's
        // spec (one entry per dependent). Equal specs serialize to equal bytes; a map serialized in another order
        // only reads as a change, which costs a sync and nothing else.
        return JsonSerializer.SerializeToUtf8Bytes(old, SpecWithoutRequiredBy).AsSpan()
            .SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(current, SpecWithoutRequiredBy));
    }

    private static readonly JsonTypeInfo<ResourceBindingSpec> SpecWithoutRequiredBy = CreateSpecWithoutRequiredBy();

    private static JsonTypeInfo<ResourceBindingSpec> CreateSpecWithoutRequiredBy()
    {
        var options = new JsonSerializerOptions(KarmadaJson.Options)
        {
            TypeInfoResolver = KarmadaJson.TypeInfoResolver.WithAddedModifier(static typeInfo =>
            {
                if (typeInfo.Type == typeof(ResourceBindingSpec) && typeInfo.Properties.FirstOrDefault(p => p.Name == "requiredBy") is { } requiredBy)
                {
                    typeInfo.Properties.Remove(requiredBy);
                }
            }),
        };
        options.MakeReadOnly();
        return (JsonTypeInfo<ResourceBindingSpec>)options.GetTypeInfo(typeof(ResourceBindingSpec));
    }
}
