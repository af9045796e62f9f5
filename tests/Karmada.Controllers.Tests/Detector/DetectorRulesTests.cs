using System.Text.Json.Nodes;
using Karmada.Controllers.Detector;
using static Karmada.Controllers.Tests.Detector.DetectorTestObjects;

namespace Karmada.Controllers.Tests.Detector;

/// <summary>Binding names, skipped APIs, the template event filter and discovery parsing.</summary>
public sealed class DetectorRulesTests
{
    [Theory]
    [InlineData("Deployment", "nginx", "nginx-deployment")]
    [InlineData("ClusterRole", "system:Admin", "system.admin-clusterrole")]
    public void GenerateBindingName_LowerCasedNameDashKind(string kind, string name, string expected) =>
        Assert.Equal(expected, BindingNames.GenerateBindingName(kind, name));

    [Theory]
    [InlineData("", "", "v1", "Pod", false)]
    [InlineData("", "", "v1", "Event", true)]
    [InlineData("", "events.k8s.io", "v1", "Event", true)]
    [InlineData("", "coordination.k8s.io", "v1", "Lease", true)]
    [InlineData("", "work.karmada.io", "v1alpha2", "ResourceBinding", true)]
    [InlineData("", "policy.karmada.io", "v1alpha1", "PropagationPolicy", true)]
    [InlineData("", "apps", "v1", "Deployment", false)]
    [InlineData("networking.k8s.io;batch/v1;apps/v1/StatefulSet,DaemonSet", "networking.k8s.io", "v1", "Ingress", true)]
    [InlineData("networking.k8s.io;batch/v1;apps/v1/StatefulSet,DaemonSet", "batch", "v1", "Job", true)]
    [InlineData("networking.k8s.io;batch/v1;apps/v1/StatefulSet,DaemonSet", "apps", "v1", "DaemonSet", true)]
    [InlineData("networking.k8s.io;batch/v1;apps/v1/StatefulSet,DaemonSet", "apps", "v1", "Deployment", false)]
    public void SkippedApis_DefaultsAndFlag(string flag, string group, string version, string kind, bool skipped) =>
        Assert.Equal(skipped, new SkippedApis(flag).IsSkipped(group, version, kind));

    [Fact]
    public void SkippedApis_RejectsMalformedEntries() =>
        Assert.Throws<ArgumentException>(() => new SkippedApis("a/b/c/d"));

    [Theory]
    [InlineData(null, "Namespace", "kube-system", true)]
    [InlineData("apps", "Deployment", "nginx", true)]
    [InlineData("karmada-system", "Deployment", "x", false)]
    [InlineData("karmada-cluster", "Secret", "x", false)]
    [InlineData("karmada-es-member1", "Work", "x", false)]
    [InlineData("kube-public", "ConfigMap", "x", false)]
    [InlineData("kubeflow", "ConfigMap", "x", true)]
    public void EventFilter_Namespaces(string? ns, string kind, string name, bool accepted) =>
        Assert.Equal(accepted, new TemplateEventFilter(["kube-.*"]).Accepts(ns, kind, name));

    [Fact]
    public void EventFilter_ExtensionApiserverAuthenticationIsSkippedEvenWhenKubeSystemIsNot()
    {
        var filter = new TemplateEventFilter([]);
        Assert.False(filter.Accepts("kube-system", "ConfigMap", "extension-apiserver-authentication"));
        Assert.True(filter.Accepts("kube-system", "ConfigMap", "other"));
    }

    [Fact]
    public void SpecificationChanged_IgnoresStatusManagedFieldsAndResourceVersion()
    {
        var old = Deployment("apps", "nginx");
        var statusOnly = (JsonObject)old.DeepClone();
        statusOnly["status"] = new JsonObject { ["readyReplicas"] = 2 };
        statusOnly["metadata"]!["resourceVersion"] = "99";
        statusOnly["metadata"]!["managedFields"] = new JsonArray();
        Assert.False(TemplateEventFilter.SpecificationChanged(old, statusOnly));

        var relabelled = (JsonObject)old.DeepClone();
        relabelled["metadata"]!["labels"]!["tier"] = "web";
        Assert.True(TemplateEventFilter.SpecificationChanged(old, relabelled));
    }

    [Fact]
    public void Discovery_DeletableResources_SkipsSubresourcesAndResourcesWithoutListWatchDelete()
    {
        var list = JsonNode.Parse("""
            {"kind":"APIResourceList","groupVersion":"apps/v1","resources":[
              {"name":"deployments","namespaced":true,"kind":"Deployment","verbs":["create","delete","get","list","patch","update","watch"]},
              {"name":"deployments/status","namespaced":true,"kind":"Deployment","verbs":["get","patch","update"]},
              {"name":"bindings","namespaced":true,"kind":"Binding","verbs":["create"]},
              {"name":"clusterroles","namespaced":false,"kind":"ClusterRole","verbs":["delete","list","watch"]}]}
            """)!.AsObject();

        var resources = ApiResourceDiscovery.DeletableResources(list, "apps", "v1").ToList();

        Assert.Equal(["Deployment", "ClusterRole"], resources.Select(r => r.Kind));
        Assert.True(resources[0].Resource.Namespaced);
        Assert.False(resources[1].Resource.Namespaced);
        Assert.Equal("apps/v1", resources[0].ApiVersion);
    }

    [Fact]
    public void Discovery_PreferredGroupVersions()
    {
        var groups = JsonNode.Parse("""
            {"kind":"APIGroupList","groups":[
              {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
              {"name":"example.io","versions":[{"groupVersion":"example.io/v2","version":"v2"},{"groupVersion":"example.io/v1","version":"v1"}]}]}
            """)!.AsObject();

        Assert.Equal([("apps", "v1"), ("example.io", "v2")], ApiResourceDiscovery.PreferredGroupVersions(groups));
    }
}
