using System.Text.Json;
using k8s;
using Karmada.Testing.ControlPlane;

namespace Karmada.ApiServer.Tests.Admission;

/// <summary>
/// A PropagationPolicy created through the control plane comes back with the CRD schema defaults and the mutating
/// webhook defaults applied, and without injected NoExecute tolerations (upstream v1.14+).
/// </summary>
[Trait("Category", "Integration")]
public sealed class PolicyDefaultingIntegrationTests : IAsyncLifetime
{
    private InProcessControlPlane _controlPlane = null!;
    private Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "policy-defaulting" });
        _client = new Kubernetes(_controlPlane.Configuration);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _controlPlane.DisposeAsync();
    }

    [Fact]
    public async Task CreatePropagationPolicy_AppliesSchemaAndWebhookDefaults_NoTolerationsInjected()
    {
        var body = JsonDocument.Parse("""
            {"apiVersion":"policy.karmada.io/v1alpha1","kind":"PropagationPolicy","metadata":{"name":"web"},
             "spec":{"resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web"}],
                     "placement":{"clusterAffinity":{"clusterNames":["member1","member2"]},"replicaScheduling":{"replicaSchedulingType":"Divided"}}}}
            """).RootElement;

        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(body, "policy.karmada.io", "v1alpha1", "default", "propagationpolicies");
        var stored = (JsonElement)await _client.CustomObjects.GetNamespacedCustomObjectAsync("policy.karmada.io", "v1alpha1", "default", "propagationpolicies", "web");

        var spec = stored.GetProperty("spec");
        Assert.Equal("Abort", spec.GetProperty("conflictResolution").GetString());
        Assert.Equal("Never", spec.GetProperty("preemption").GetString());
        Assert.Equal("default-scheduler", spec.GetProperty("schedulerName").GetString());
        Assert.Equal(0, spec.GetProperty("priority").GetInt32());
        Assert.Equal("default", spec.GetProperty("resourceSelectors")[0].GetProperty("namespace").GetString());
        Assert.Equal("Weighted", spec.GetProperty("placement").GetProperty("replicaScheduling").GetProperty("replicaDivisionPreference").GetString());
        var tolerations = spec.GetProperty("placement").TryGetProperty("clusterTolerations", out var t) ? t.GetArrayLength() : 0;
        Assert.Equal(0, tolerations);
        Assert.Contains(
            stored.GetProperty("metadata").GetProperty("finalizers").EnumerateArray(),
            f => f.GetString() == "karmada.io/propagation-policy-controller");
    }
}
