using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Client;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.BindingStatus;

/// <summary>
/// Folds the Works of a binding into its <c>status.aggregatedStatus</c> (upstream <c>assembleWorkStatus</c>): one
/// item per Work not being deleted, named after the Work's execution namespace, sorted by cluster name. A Work not
/// Applied reports <c>applied=false</c>, the condition's message and Unknown health; an applied one carries the
/// reflected status and health of the manifest that is the binding's resource template.
/// </summary>
public static class WorkStatusAssembler
{
    /// <exception cref="InvalidOperationException">A Work does not hold the template, or lives outside an execution namespace.</exception>
    public static List<WorkV1Alpha2.AggregatedStatusItem> Assemble(IEnumerable<WorkV1Alpha1.Work> works, WorkV1Alpha2.ObjectReference resource)
    {
        ArgumentNullException.ThrowIfNull(works);
        ArgumentNullException.ThrowIfNull(resource);
        var statuses = new List<WorkV1Alpha2.AggregatedStatusItem>();
        foreach (var work in works)
        {
            if (work.Metadata.DeletionTimestamp is not null)
            {
                continue;
            }

            var ordinal = ManifestIndex(work.Spec.Workload.Manifests, resource);
            var clusterName = ReservedNamespaces.ClusterOfExecutionSpace(work.Metadata.Namespace)
                ?? throw new InvalidOperationException($"Work {work.Metadata.Namespace}/{work.Metadata.Name} is not in an execution namespace.");

            var applied = work.Status.Conditions.Find(c => c.Type == WorkV1Alpha1.WorkConditionTypes.Applied);
            if (applied?.Status != ConditionStatus.True)
            {
                statuses.Add(new WorkV1Alpha2.AggregatedStatusItem
                {
                    ClusterName = clusterName,
                    Applied = false,
                    AppliedMessage = string.IsNullOrEmpty(applied?.Message) ? null : applied.Message,
                    Health = WorkV1Alpha2.ResourceHealth.Unknown,
                });
                continue;
            }

            // Applied but no status collected yet: only the propagation outcome is known.
            var item = new WorkV1Alpha2.AggregatedStatusItem
            {
                ClusterName = clusterName,
                Applied = true,
                Health = WorkV1Alpha2.ResourceHealth.Unknown,
            };
            var manifestStatus = work.Status.ManifestStatuses.Find(s => IdentifierMatches(s.Identifier, ordinal, resource));
            if (manifestStatus is not null)
            {
                item.Status = manifestStatus.Status?.DeepClone().AsObject();
                item.Health = ToBindingHealth(manifestStatus.Health);
            }

            statuses.Add(item);
        }

        statuses.Sort((a, b) => string.CompareOrdinal(a.ClusterName, b.ClusterName));
        return statuses;
    }

    /// <summary>The index of the manifest that is <paramref name="resource"/> (by apiVersion, kind, namespace and name).</summary>
    /// <exception cref="InvalidOperationException">No manifest is the resource.</exception>
    public static int ManifestIndex(IReadOnlyList<JsonObject> manifests, WorkV1Alpha2.ObjectReference resource)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(resource);
        for (var i = 0; i < manifests.Count; i++)
        {
            var manifest = manifests[i];
            if (Text(manifest["apiVersion"]) == resource.ApiVersion
                && Text(manifest["kind"]) == resource.Kind
                && (JsonObjectMeta.GetNamespace(manifest) ?? "") == (resource.Namespace ?? "")
                && (JsonObjectMeta.GetName(manifest) ?? "") == resource.Name)
            {
                return i;
            }
        }

        throw new InvalidOperationException("no such manifest exist");
    }

    private static bool IdentifierMatches(WorkV1Alpha1.ResourceIdentifier identifier, int ordinal, WorkV1Alpha2.ObjectReference resource)
    {
        var slash = resource.ApiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : resource.ApiVersion[..slash];
        var version = slash < 0 ? resource.ApiVersion : resource.ApiVersion[(slash + 1)..];
        return identifier.Ordinal == ordinal
            && (identifier.Group ?? "") == group
            && identifier.Version == version
            && identifier.Kind == resource.Kind
            && (identifier.Namespace ?? "") == (resource.Namespace ?? "")
            && identifier.Name == resource.Name;
    }

    private static WorkV1Alpha2.ResourceHealth? ToBindingHealth(WorkV1Alpha1.ResourceHealth? health) => health switch
    {
        WorkV1Alpha1.ResourceHealth.Healthy => WorkV1Alpha2.ResourceHealth.Healthy,
        WorkV1Alpha1.ResourceHealth.Unhealthy => WorkV1Alpha2.ResourceHealth.Unhealthy,
        WorkV1Alpha1.ResourceHealth.Unknown => WorkV1Alpha2.ResourceHealth.Unknown,
        _ => null,
    };

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
