using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Binding;
using Karmada.Interpreter;
using static Karmada.Controllers.Tests.Binding.BindingTestObjects;

namespace Karmada.Controllers.Tests.Binding;

public sealed class WorkRendererTests
{
    private readonly WorkRenderer _renderer = new(ResourceInterpreter.CreateDefault());

    [Fact]
    public void Render_TwoClusters_OneWorkEachInItsExecutionNamespace()
    {
        var result = Render(BindingOf(4, ("member1", 2), ("member2", 2)));

        Assert.Empty(result.Failures);
        Assert.Equal(["karmada-es-member1", "karmada-es-member2"], result.Works.Select(w => w.Namespace));
        Assert.All(result.Works, w => Assert.Equal("nginx-687f7fb96f", w.Name));
        var work = result.Works[0];
        Assert.Equal("rb-permanent-id", work.Labels["resourcebinding.karmada.io/permanent-id"]);
        Assert.Equal("default", work.Annotations["resourcebinding.karmada.io/namespace"]);
        Assert.Equal("nginx-deployment", work.Annotations["resourcebinding.karmada.io/name"]);
        Assert.Equal("abort", work.Annotations["work.karmada.io/conflict-resolution"]);
        Assert.False(work.SuspendDispatching);
        Assert.False(work.PreserveResourcesOnDeletion);
    }

    [Fact]
    public void Render_FourReplicasOverTwoClusters_RevisesReplicasPerCluster()
    {
        var result = Render(BindingOf(4, ("member1", 3), ("member2", 1)));

        Assert.Equal([3, 1], result.Works.Select(w => w.Manifest["spec"]!["replicas"]!.GetValue<int>()));
    }

    [Fact]
    public void Render_EvenSplit_TwoReplicasEach()
    {
        var result = Render(BindingOf(4, ("member1", 2), ("member2", 2)));

        Assert.All(result.Works, w => Assert.Equal(2, w.Manifest["spec"]!["replicas"]!.GetValue<int>()));
    }

    [Fact]
    public void Render_BindingWithoutReplicas_KeepsTemplateReplicas()
    {
        var result = Render(BindingOf(0, ("member1", 0)));

        Assert.Equal(4, result.Works[0].Manifest["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Render_Manifest_IsPrunedAndMarked()
    {
        var manifest = Render(BindingOf(4, ("member1", 4))).Works[0].Manifest;
        var metadata = manifest["metadata"]!.AsObject();

        foreach (var field in new[] { "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields" })
        {
            Assert.False(metadata.ContainsKey(field), field);
        }

        Assert.False(manifest.ContainsKey("status"));
        Assert.Null(Annotation(manifest, "deployment.kubernetes.io/revision"));
        Assert.Equal("true", Label(manifest, "karmada.io/managed"));
        Assert.Equal("nginx", Label(manifest, "app"));
        Assert.Equal("rb-permanent-id", Label(manifest, "resourcebinding.karmada.io/permanent-id"));
        Assert.Equal(TemplateUid, Annotation(manifest, "resourcetemplate.karmada.io/uid"));
        Assert.Equal("3", Annotation(manifest, "resourcetemplate.karmada.io/generation"));
        Assert.Equal("nginx-687f7fb96f", Annotation(manifest, "work.karmada.io/name"));
        Assert.Equal("karmada-es-member1", Annotation(manifest, "work.karmada.io/namespace"));
        Assert.Equal("default", Annotation(manifest, "resourcebinding.karmada.io/namespace"));
        Assert.Equal("nginx-deployment", Annotation(manifest, "resourcebinding.karmada.io/name"));
        Assert.Equal("abort", Annotation(manifest, "work.karmada.io/conflict-resolution"));
    }

    [Fact]
    public void Render_OverrideOnMember1_OnlyMember1IsOverriddenAndRecorded()
    {
        var result = Render(BindingOf(4, ("member1", 2), ("member2", 2)), overridePolicies: [RegistryOverride("member1")]);

        var member1 = result.Works.Single(w => w.Cluster == "member1");
        var member2 = result.Works.Single(w => w.Cluster == "member2");
        Assert.Equal("registry.member1.io/library/nginx:1.25", Image(member1.Manifest));
        Assert.Equal("member1", Label(member1.Manifest, "env"));
        Assert.Equal("docker.io/library/nginx:1.25", Image(member2.Manifest));
        Assert.Null(Label(member2.Manifest, "env"));

        var applied = JsonNode.Parse(member1.Annotations["policy.karmada.io/applied-overrides"])!.AsArray();
        var item = Assert.Single(applied)!.AsObject();
        Assert.Equal("nginx-override", item["policyName"]!.GetValue<string>());
        Assert.Equal("registry.member1.io", item["overriders"]!["imageOverrider"]![0]!["value"]!.GetValue<string>());
        Assert.False(member1.Annotations.ContainsKey("policy.karmada.io/applied-cluster-overrides"));
        Assert.False(member2.Annotations.ContainsKey("policy.karmada.io/applied-overrides"));
    }

    [Fact]
    public void Render_OverrideAppliedAfterReplicaRevision_OverrideWins()
    {
        var policy = Karmada.Api.KarmadaJson.Deserialize<OverridePolicy>("""
            {
              "metadata": { "name": "pin", "namespace": "default" },
              "spec": { "overrideRules": [ { "overriders": { "plaintext": [ { "path": "/spec/replicas", "operator": "replace", "value": 7 } ] } } ] }
            }
            """);

        var result = Render(BindingOf(4, ("member1", 2)), overridePolicies: [policy]);

        Assert.Equal(7, result.Works[0].Manifest["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Render_UnknownCluster_ReportedWhileOthersRender()
    {
        var result = _renderer.Render(BindingOf(4, ("member1", 2), ("gone", 2)), Deployment(), Clusters("member1"), [], []);

        Assert.Equal("member1", Assert.Single(result.Works).Cluster);
        Assert.Equal("gone", Assert.Single(result.Failures).Cluster);
    }

    [Fact]
    public void Render_RequiredByClusters_AddedAfterScheduledOnes()
    {
        var binding = BindingOf(0, ("member1", 0));
        binding.Spec.RequiredBy.Add(new BindingSnapshot { Name = "app", Namespace = "default", Clusters = [new() { Name = "member1" }, new() { Name = "member2" }] });

        var result = Render(binding);

        Assert.Equal(["member1", "member2"], result.Works.Select(w => w.Cluster));
    }

    [Fact]
    public void Render_SuspensionAndPreserve_CopiedToWorkSpec()
    {
        var binding = BindingOf(4, ("member1", 2), ("member2", 2));
        binding.Spec.Suspension = new Karmada.Api.Work.V1Alpha2.Suspension { DispatchingOnClusters = new SuspendClusters { ClusterNames = ["member2"] } };
        binding.Spec.PreserveResourcesOnDeletion = true;

        var result = Render(binding);

        Assert.Equal([false, true], result.Works.Select(w => w.SuspendDispatching));
        Assert.All(result.Works, w => Assert.True(w.PreserveResourcesOnDeletion));
    }

    [Theory]
    [InlineData("overwrite", null, "overwrite")]
    [InlineData("bogus", ConflictResolution.Overwrite, "overwrite")]
    [InlineData(null, ConflictResolution.Overwrite, "overwrite")]
    [InlineData("abort", ConflictResolution.Overwrite, "abort")]
    [InlineData(null, null, "abort")]
    public void ConflictResolutionOf_TemplateAnnotationThenBinding(string? annotation, ConflictResolution? binding, string expected)
    {
        var template = Deployment();
        if (annotation is not null)
        {
            template["metadata"]!["annotations"]!["work.karmada.io/conflict-resolution"] = annotation;
        }

        Assert.Equal(expected, WorkRenderer.ConflictResolutionOf(template, binding));
    }

    [Fact]
    public void Render_DividedJob_CompletionsFollowReplicaShares()
    {
        var job = JsonNode.Parse("""
            {
              "apiVersion": "batch/v1", "kind": "Job",
              "metadata": { "name": "pi", "namespace": "default", "uid": "u-1" },
              "spec": { "parallelism": 4, "completions": 8, "template": { "spec": { "containers": [ { "name": "pi", "image": "perl" } ] } } }
            }
            """)!.AsObject();
        var binding = BindingOf(4, ("member1", 3), ("member2", 1));

        var result = _renderer.Render(binding, job, Clusters("member1", "member2"), [], []);

        Assert.Equal([3, 1], result.Works.Select(w => w.Manifest["spec"]!["parallelism"]!.GetValue<int>()));
        Assert.Equal([6, 2], result.Works.Select(w => w.Manifest["spec"]!["completions"]!.GetValue<int>()));
    }

    [Fact]
    public void ToWork_AddsWorkPermanentIdAndRecordsManagedKeys()
    {
        var desired = Render(BindingOf(4, ("member1", 4))).Works[0];

        var work = desired.ToWork("work-id");

        Assert.Equal("work-id", work.Metadata.Labels["work.karmada.io/permanent-id"]);
        Assert.Equal(["karmada.io/execution-controller"], work.Metadata.Finalizers);
        var manifest = Assert.Single(work.Spec.Workload.Manifests);
        Assert.Equal("work-id", Label(manifest, "work.karmada.io/permanent-id"));
        Assert.Equal(
            "app,karmada.io/managed,resourcebinding.karmada.io/permanent-id,work.karmada.io/permanent-id",
            Annotation(manifest, "resourcetemplate.karmada.io/managed-labels"));
        var managedAnnotations = Annotation(manifest, "resourcetemplate.karmada.io/managed-annotations")!.Split(',');
        Assert.Equal(managedAnnotations.Order(StringComparer.Ordinal), managedAnnotations);
        Assert.Contains("resourcetemplate.karmada.io/managed-labels", managedAnnotations);
        Assert.Contains("work.karmada.io/name", managedAnnotations);
        Assert.False(desired.Manifest["metadata"]!["labels"]!.AsObject().ContainsKey("work.karmada.io/permanent-id"));
    }

    private WorkRenderResult Render(BindingView binding, IReadOnlyList<OverridePolicy>? overridePolicies = null) =>
        _renderer.Render(binding, Deployment(), Clusters("member1", "member2"), overridePolicies ?? [], []);
}
