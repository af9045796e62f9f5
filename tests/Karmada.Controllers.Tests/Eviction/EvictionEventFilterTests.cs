using Karmada.Api;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Controllers.Eviction;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Eviction;

public sealed class EvictionEventFilterTests
{
    private static ClusterV1Alpha1.Cluster Cluster(ConditionStatus ready, params Taint[] taints)
    {
        var cluster = new ClusterV1Alpha1.Cluster { Metadata = new ObjectMeta { Name = "m1" } };
        cluster.Spec.Taints.AddRange(taints);
        cluster.Status.Conditions.Add(new Condition { Type = "Ready", Status = ready, Reason = "ClusterReady" });
        return cluster;
    }

    [Fact]
    public void NoExecuteTaintsChanged_IgnoresNoScheduleTaints()
    {
        var noSchedule = new Taint { Key = "k", Effect = TaintEffect.NoSchedule };
        var noExecute = new Taint { Key = "k", Effect = TaintEffect.NoExecute, TimeAdded = DateTimeOffset.UnixEpoch };
        var plain = Cluster(ConditionStatus.True);

        Assert.False(EvictionControllers.NoExecuteTaintsChanged(plain, Cluster(ConditionStatus.False, noSchedule)));
        Assert.True(EvictionControllers.NoExecuteTaintsChanged(plain, Cluster(ConditionStatus.False, noSchedule, noExecute)));
        Assert.True(EvictionControllers.NoExecuteTaintsChanged(Cluster(ConditionStatus.False, noExecute), plain));

        var restamped = new Taint { Key = "k", Effect = TaintEffect.NoExecute, TimeAdded = DateTimeOffset.UnixEpoch.AddSeconds(1) };
        Assert.True(EvictionControllers.NoExecuteTaintsChanged(Cluster(ConditionStatus.False, noExecute), Cluster(ConditionStatus.False, restamped)));
    }

    [Fact]
    public void ConditionsChanged_OnlyForConditionChanges()
    {
        var ready = Cluster(ConditionStatus.True);
        var relabelled = ready.DeepClone();
        relabelled.Metadata.Labels["env"] = "prod";
        relabelled.Spec.Taints.Add(new Taint { Key = "k", Effect = TaintEffect.NoSchedule });

        Assert.False(ClusterTaintPolicyController.ConditionsChanged(ready, relabelled));
        Assert.True(ClusterTaintPolicyController.ConditionsChanged(ready, Cluster(ConditionStatus.False)));
    }
}
