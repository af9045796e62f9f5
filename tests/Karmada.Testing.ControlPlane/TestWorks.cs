using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha1;

namespace Karmada.Testing.ControlPlane;

/// <summary>Works written by hand, as the binding controller would write them, for tests of what consumes Works.</summary>
public static class TestWorks
{
    /// <summary>
    /// A Work in <paramref name="executionSpace"/> carrying <paramref name="manifests"/>, each given the marks the
    /// binding controller puts on every manifest (managed label, owning Work, template generation).
    /// </summary>
    public static Work Create(string executionSpace, string name, IEnumerable<JsonObject> manifests, bool preserveResourcesOnDeletion = false, bool suspendDispatching = false)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var work = new Work
        {
            Metadata = new ObjectMeta { Name = name, Namespace = executionSpace },
            Spec = new WorkSpec
            {
                PreserveResourcesOnDeletion = preserveResourcesOnDeletion ? true : null,
                SuspendDispatching = suspendDispatching ? true : null,
            },
        };
        foreach (var manifest in manifests)
        {
            manifest["metadata"]!["labels"]!["karmada.io/managed"] = "true";
            manifest["metadata"]!["annotations"] = new JsonObject
            {
                ["work.karmada.io/namespace"] = executionSpace,
                ["work.karmada.io/name"] = name,
                ["resourcetemplate.karmada.io/generation"] = "1",
            };
            work.Spec.Workload.Manifests.Add(manifest);
        }

        return work;
    }
}
