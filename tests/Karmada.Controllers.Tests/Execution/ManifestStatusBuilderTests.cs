using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Controllers.Execution;
using Karmada.Interpreter;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Execution;

public sealed class ManifestStatusBuilderTests
{
    private static readonly ResourceInterpreter Interpreter = ResourceInterpreter.CreateDefault();
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", true);

    [Fact]
    public void Build_ReadyDeployment_IsHealthyWithReflectedStatus()
    {
        var deployment = ManifestApplyPlannerTests.Deployment(2);
        deployment["metadata"]!["generation"] = 1;
        deployment["status"] = JsonNode.Parse("""{"observedGeneration":1,"replicas":2,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2}""");

        var status = ManifestStatusBuilder.Build(3, Deployments, deployment, Interpreter);

        Assert.Equal(3, status.Identifier.Ordinal);
        Assert.Equal("apps", status.Identifier.Group);
        Assert.Equal("v1", status.Identifier.Version);
        Assert.Equal("Deployment", status.Identifier.Kind);
        Assert.Equal("deployments", status.Identifier.Resource);
        Assert.Equal("default", status.Identifier.Namespace);
        Assert.Equal("web", status.Identifier.Name);
        Assert.Equal(WorkV1Alpha1.ResourceHealth.Healthy, status.Health);
        Assert.Equal(2, status.Status!["readyReplicas"]!.GetValue<int>());
    }

    [Fact]
    public void Build_DeploymentNotRolledOut_IsUnhealthy()
    {
        var deployment = ManifestApplyPlannerTests.Deployment(2);
        deployment["metadata"]!["generation"] = 2;
        deployment["status"] = JsonNode.Parse("""{"observedGeneration":1,"replicas":2,"updatedReplicas":0}""");

        Assert.Equal(WorkV1Alpha1.ResourceHealth.Unhealthy, ManifestStatusBuilder.Build(0, Deployments, deployment, Interpreter).Health);
    }

    [Fact]
    public void Build_KindWithoutHealthHook_IsHealthy()
    {
        var status = ManifestStatusBuilder.Build(0, new ResourceRef("", "v1", "configmaps", true), ManifestApplyPlannerTests.ConfigMap(managed: true), Interpreter);

        Assert.Equal(WorkV1Alpha1.ResourceHealth.Healthy, status.Health);
        Assert.Null(status.Identifier.Group);
        Assert.Equal("configmaps", status.Identifier.Resource);
    }
}
