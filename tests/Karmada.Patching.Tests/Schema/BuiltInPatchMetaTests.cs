using System.Text.Json.Nodes;
using Karmada.Patching.Schema;

namespace Karmada.Patching.Tests.Schema;

public sealed class BuiltInPatchMetaTests
{
    // (group/version/kind, dotted path to a list, merge key or "" for primitive merge, SSA keys or "" for set).
    public static TheoryData<string, string, string, string> MergeLists => new()
    {
        { "/v1/Pod", "spec.containers", "name", "name" },
        { "/v1/Pod", "spec.initContainers", "name", "name" },
        { "/v1/Pod", "spec.ephemeralContainers", "name", "name" },
        { "/v1/Pod", "spec.volumes", "name", "name" },
        { "/v1/Pod", "spec.imagePullSecrets", "name", "name" },
        { "/v1/Pod", "spec.hostAliases", "ip", "ip" },
        { "/v1/Pod", "spec.topologySpreadConstraints", "topologyKey", "topologyKey,whenUnsatisfiable" },
        { "/v1/Pod", "spec.containers[].env", "name", "name" },
        { "/v1/Pod", "spec.containers[].ports", "containerPort", "containerPort,protocol" },
        { "/v1/Pod", "spec.containers[].volumeMounts", "mountPath", "mountPath" },
        { "/v1/Pod", "spec.containers[].volumeDevices", "devicePath", "devicePath" },
        { "/v1/Pod", "metadata.finalizers", "", "" },
        { "/v1/Pod", "metadata.ownerReferences", "uid", "uid" },
        { "/v1/Pod", "status.conditions", "type", "type" },
        { "/v1/Pod", "status.podIPs", "ip", "ip" },
        { "/v1/Service", "spec.ports", "port", "port,protocol" },
        { "/v1/Node", "status.addresses", "type", "type" },
        { "/v1/Node", "status.conditions", "type", "type" },
        { "/v1/Node", "spec.podCIDRs", "", "" },
        { "apps/v1/Deployment", "spec.template.spec.containers", "name", "name" },
        { "apps/v1/Deployment", "status.conditions", "type", "type" },
        { "apps/v1/StatefulSet", "spec.template.spec.containers[].env", "name", "name" },
        { "apps/v1/DaemonSet", "spec.template.spec.volumes", "name", "name" },
        { "apps/v1/ReplicaSet", "spec.template.spec.containers", "name", "name" },
        { "batch/v1/Job", "spec.template.spec.containers", "name", "name" },
        { "batch/v1/CronJob", "spec.jobTemplate.spec.template.spec.containers", "name", "name" },
        { "/v1/PodTemplate", "template.spec.containers", "name", "name" },
        { "/v1/ReplicationController", "spec.template.spec.containers", "name", "name" },
        { "/v1/ServiceAccount", "secrets", "name", "name" },
        { "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration", "webhooks", "name", "name" },
    };

    public static TheoryData<string, string> AtomicLists => new()
    {
        { "/v1/Pod", "spec.tolerations" },
        { "/v1/Pod", "spec.containers[].envFrom" },
        { "/v1/Pod", "spec.containers[].args" },
        { "/v1/Pod", "spec.readinessGates" },
        { "/v1/Pod", "status.containerStatuses" },
        { "/v1/Service", "spec.clusterIPs" },
        { "/v1/Namespace", "spec.finalizers" },
        { "apps/v1/StatefulSet", "spec.volumeClaimTemplates" },
        { "rbac.authorization.k8s.io/v1/ClusterRole", "rules" },
        { "example.com/v1/Widget", "spec.items" },
    };

    [Theory]
    [MemberData(nameof(MergeLists))]
    public void For_MergeList_HasUpstreamMergeKeyAndListKeys(string gvk, string path, string mergeKey, string listKeys)
    {
        var list = Navigate(gvk, path);

        Assert.Equal(PatchMetaKind.List, list.Kind);
        Assert.True(list.MergesList);
        Assert.Equal(mergeKey.Length == 0 ? null : mergeKey, list.MergeKey);
        if (listKeys.Length == 0)
        {
            Assert.Equal(ListType.Set, list.ListType);
        }
        else
        {
            Assert.Equal(ListType.Map, list.ListType);
            Assert.Equal(listKeys.Split(','), list.ListMapKeys);
        }
    }

    [Theory]
    [MemberData(nameof(AtomicLists))]
    public void For_AtomicList_IsReplacedAndOwnedWhole(string gvk, string path)
    {
        var list = Navigate(gvk, path);

        Assert.False(list.MergesList);
        Assert.True(list.IsAtomicList);
    }

    [Fact]
    public void For_JobConditions_MergeButAreAtomicForApply()
    {
        var conditions = Navigate("batch/v1/Job", "status.conditions");

        Assert.True(conditions.MergesList);
        Assert.Equal("type", conditions.MergeKey);
        Assert.True(conditions.IsAtomicList);
    }

    [Fact]
    public void For_PodHostIPs_MergeButAreAtomicForApply()
    {
        var hostIps = Navigate("/v1/Pod", "status.hostIPs");

        Assert.True(hostIps.MergesList);
        Assert.True(hostIps.IsAtomicList);
    }

    [Fact]
    public void For_RetainKeysFields_AreMarked()
    {
        Assert.True(Navigate("/v1/Pod", "spec.volumes").RetainKeys);
        Assert.True(Navigate("apps/v1/Deployment", "spec.strategy").RetainKeys);
    }

    [Fact]
    public void For_ContainerPortProtocol_DefaultsToTcp()
    {
        Assert.Equal("TCP", Navigate("/v1/Pod", "spec.containers[].ports").KeyDefaults["protocol"]);
        Assert.Equal("TCP", Navigate("/v1/Service", "spec.ports").KeyDefaults["protocol"]);
    }

    [Fact]
    public void For_MapsAndAtomicValues_AreDescribed()
    {
        Assert.Equal(PatchMetaKind.Map, Navigate("/v1/Pod", "metadata.labels").Kind);
        Assert.Equal(PatchMetaKind.Map, Navigate("/v1/ConfigMap", "data").Kind);
        Assert.True(Navigate("/v1/Pod", "spec.nodeSelector").IsAtomic);
        Assert.True(Navigate("/v1/Service", "spec.selector").IsAtomic);
        Assert.True(Navigate("apps/v1/Deployment", "spec.selector").IsAtomic);
        Assert.True(Navigate("/v1/Pod", "spec.imagePullSecrets[]").IsAtomic);
    }

    [Fact]
    public void TryGet_UnknownKindOrVersion_ReturnsFalseAndForFallsBackToGeneric()
    {
        Assert.False(BuiltInPatchMeta.TryGet("example.com", "v1", "Widget", out _));
        Assert.False(BuiltInPatchMeta.TryGet("apps", "v1beta1", "Deployment", out _));
        Assert.True(BuiltInPatchMeta.TryGet("apps", "v1", "Deployment", out _));
        Assert.Same(BuiltInPatchMeta.Generic, BuiltInPatchMeta.For("example.com", "v1", "Widget"));
        Assert.True(BuiltInPatchMeta.Generic.Field("metadata").Field("finalizers").MergesList);
    }

    [Fact]
    public void ForCustomResource_StructuralSchema_ReadsKubernetesExtensions()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["port","protocol"],
                       "items":{"type":"object","properties":{"port":{"type":"integer"},"protocol":{"type":"string","default":"TCP"}}}},
              "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
              "args":{"type":"array","items":{"type":"string"}},
              "selector":{"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":{"type":"string"}},
              "env":{"type":"object","additionalProperties":{"type":"string"}},
              "raw":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}
            """)!.AsObject();

        var meta = BuiltInPatchMeta.ForCustomResource(schema);
        var spec = meta.Field("spec");

        Assert.Equal(ListType.Map, spec.Field("ports").ListType);
        Assert.Equal(["port", "protocol"], spec.Field("ports").ListMapKeys);
        Assert.Equal("TCP", spec.Field("ports").KeyDefaults["protocol"]);
        Assert.Equal(ListType.Set, spec.Field("tags").ListType);
        Assert.True(spec.Field("args").IsAtomicList);
        Assert.True(spec.Field("selector").IsAtomic);
        Assert.Equal(PatchMetaKind.Map, spec.Field("env").Kind);
        Assert.Equal(PatchMetaKind.Unknown, spec.Field("raw").Kind);
        Assert.True(meta.Field("metadata").Field("ownerReferences").MergesList);
    }

    // Dotted path; "[]" steps into list items.
    private static PatchMeta Navigate(string gvk, string path)
    {
        var parts = gvk.Split('/');
        var meta = BuiltInPatchMeta.For(parts[0], parts[1], parts[2]);
        foreach (var segment in path.Split('.'))
        {
            var items = segment.EndsWith("[]", StringComparison.Ordinal);
            meta = meta.Field(items ? segment[..^2] : segment);
            if (items)
            {
                meta = meta.Items;
            }
        }

        return meta;
    }
}
