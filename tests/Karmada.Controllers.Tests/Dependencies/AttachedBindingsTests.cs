using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Dependencies;
using static Karmada.Controllers.Tests.Dependencies.AttachedBindingFixtures;

namespace Karmada.Controllers.Tests.Dependencies;

public sealed class AttachedBindingsTests
{
    [Fact]
    public void DependedByLabel_IsStablePerBindingAndPrefixed()
    {
        var label = AttachedBindings.DependedByLabel("apps", "web-deployment");
        Assert.StartsWith(WellKnownLabels.ResourceBindingDependedByPrefix, label, StringComparison.Ordinal);
        Assert.Equal(label, AttachedBindings.DependedByLabel("apps", "web-deployment"));
        Assert.NotEqual(label, AttachedBindings.DependedByLabel("apps", "api-deployment"));
        Assert.True(label.Length <= 63 + "resourcebinding.karmada.io/".Length);
    }

    [Fact]
    public void Build_OwnedByTheDependencyRequiredByTheIndependentBinding()
    {
        var independent = Independent("web-deployment", "member1", "member2");
        independent.Spec.ConflictResolution = ConflictResolution.Overwrite;

        var attached = AttachedBindings.Build(ConfigMap(), independent);

        Assert.Equal(("apps", "cfg-configmap"), (attached.Metadata.Namespace, attached.Metadata.Name));
        var owner = Assert.Single(attached.Metadata.OwnerReferences);
        Assert.Equal(("ConfigMap", "cfg", "cm-uid", true), (owner.Kind, owner.Name, owner.Uid, owner.Controller));
        Assert.Equal("web-deployment-id", attached.Metadata.Labels[AttachedBindings.DependedByLabel("apps", "web-deployment")]);
        Assert.Null(attached.Spec.Placement);
        Assert.Equal(("v1", "ConfigMap", "apps", "cfg"), (attached.Spec.Resource.ApiVersion, attached.Spec.Resource.Kind, attached.Spec.Resource.Namespace, attached.Spec.Resource.Name));
        var snapshot = Assert.Single(attached.Spec.RequiredBy);
        Assert.Equal(("apps", "web-deployment"), (snapshot.Namespace, snapshot.Name));
        Assert.Equal(["member1", "member2"], snapshot.Clusters.Select(c => c.Name));
        Assert.Equal(ConflictResolution.Overwrite, attached.Spec.ConflictResolution);
    }

    [Fact]
    public void Merge_TwoReferrers_AppendedInArrivalOrderAndUpdatedInPlace()
    {
        var attached = AttachedBindings.Build(ConfigMap(), Independent("web-deployment", "member1"));
        AttachedBindings.Merge(attached, ConfigMap(), Independent("api-deployment", "member3"));
        AttachedBindings.Merge(attached, ConfigMap(), Independent("web-deployment", "member2"));

        Assert.Equal(["web-deployment", "api-deployment"], attached.Spec.RequiredBy.Select(s => s.Name));
        Assert.Equal("member2", Assert.Single(attached.Spec.RequiredBy[0].Clusters).Name);
        Assert.False(AttachedBindings.RequiredOnlyBy(attached, "apps", "web-deployment"));
        attached.Spec.RequiredBy.RemoveAt(0);
        Assert.True(AttachedBindings.RequiredOnlyBy(attached, "apps", "api-deployment"));
    }

    [Fact]
    public void Merge_BindingWithItsOwnPlacement_OnlyRecordsTheRequirement()
    {
        var own = new ResourceBinding { Spec = new ResourceBindingSpec { Placement = new Placement(), Resource = new ObjectReference { Name = "cfg" } } };

        AttachedBindings.Merge(own, ConfigMap(), Independent("web-deployment", "member1"));

        Assert.Single(own.Spec.RequiredBy);
        Assert.Null(own.Spec.Resource.Uid);
        Assert.False(AttachedBindings.RequiredOnlyBy(own, "apps", "web-deployment"));
    }
}
