using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// Propagation scenarios users hit beyond the happy path, each in its own namespace against one shared
/// <c>karmada up --members 3</c>, driven with real kubectl against the control plane and against the members:
/// custom resources (with their CRD), dependencies following a Deployment, conflicts with unmanaged member objects,
/// drift correction, preserved resources, unschedulable policies and <c>kubectl wait</c> on a template.
/// </summary>
[Trait("Category", "E2E")]
[Collection(KarmadaUpCollection.Name)]
public sealed class PropagationScenariosE2ETests : IClassFixture<KarmadaUpFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly KarmadaUpFixture _karmada;

    public PropagationScenariosE2ETests(KarmadaUpFixture karmada) => _karmada = karmada;

    private Kubectl ControlPlane => _karmada.ControlPlane;

    [Fact]
    public async Task ClusterPropagationPolicy_CrdAndCustomResource_ReachOnlyTargetedMembers()
    {
        await ApplyAsync(ControlPlane, """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.scenarios.example.com
            spec:
              group: scenarios.example.com
              names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            size: {type: integer}
            ---
            apiVersion: policy.karmada.io/v1alpha1
            kind: ClusterPropagationPolicy
            metadata:
              name: widgets
            spec:
              resourceSelectors:
                - apiVersion: apiextensions.k8s.io/v1
                  kind: CustomResourceDefinition
                  name: widgets.scenarios.example.com
                - apiVersion: scenarios.example.com/v1
                  kind: Widget
              placement:
                clusterAffinity:
                  clusterNames: [member1, member3]
            """);
        await ControlPlane.OkAsync("wait", "--for=condition=Established", "crd/widgets.scenarios.example.com", "--timeout=30s");
        await NamespaceAsync("crd-scenario", "member1", "member3");

        await ApplyAsync(ControlPlane, """
            apiVersion: scenarios.example.com/v1
            kind: Widget
            metadata: {name: gear, namespace: crd-scenario}
            spec: {size: 7}
            """);

        foreach (var member in new[] { "member1", "member3" })
        {
            await UntilAsync(async () => await GetAsync(_karmada.Members[member], "crd-scenario", "widgets.scenarios.example.com", "gear", "{.spec.size}") == "7", $"widget gear in {member}");
        }

        Assert.True(await IsNotFoundAsync(_karmada.Members["member2"], null, "crd", "widgets.scenarios.example.com"), "the CRD must not reach member2");
    }

    [Fact]
    public async Task PropagateDeps_ConfigMapFollowsDeployment_AndMovesWithThePlacement()
    {
        const string ns = "deps-scenario";
        await NamespaceAsync(ns, "member1", "member2", "member3");
        const string usesConfigMap = """
                      envFrom:
                        - configMapRef: {name: app-config}
                      volumeMounts:
                        - {name: config, mountPath: /etc/app}
                  volumes:
                    - name: config
                      configMap: {name: app-config}
            """;
        await ApplyAsync(ControlPlane, $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-config, namespace: {{ns}} }
            data: {GREETING: hello}
            """);
        await ApplyAsync(ControlPlane, Deployment(ns, "app", replicas: 1, usesConfigMap) + "\n---\n" + Policy(ns, "app", "[member1]", "propagateDeps: true"));

        await UntilAsync(async () => await GetAsync(_karmada.Members["member1"], ns, "configmap", "app-config", "{.data.GREETING}") == "hello", "app-config follows app to member1");
        Assert.True(await IsNotFoundAsync(_karmada.Members["member2"], ns, "configmap", "app-config"), "app-config must not reach member2");

        await ApplyAsync(ControlPlane, Policy(ns, "app", "[member2]", "propagateDeps: true"));

        await UntilAsync(async () => await GetAsync(_karmada.Members["member2"], ns, "configmap", "app-config", "{.data.GREETING}") == "hello", "app-config moves to member2");
        await UntilAsync(() => IsNotFoundAsync(_karmada.Members["member1"], ns, "configmap", "app-config"), "app-config leaves member1");
        await UntilAsync(() => IsNotFoundAsync(_karmada.Members["member1"], ns, "deployment", "app"), "app leaves member1");
        Assert.True(await IsNotFoundAsync(_karmada.Members["member3"], ns, "configmap", "app-config"), "app-config must never reach member3");
    }

    [Fact]
    public async Task ConflictWithUnmanagedMemberObject_AbortsByDefault_OverwriteTakesOver()
    {
        const string ns = "conflict-scenario";
        var member1 = _karmada.Members["member1"];
        await NamespaceAsync(ns, "member1");
        await member1.OkAsync("-n", ns, "create", "deployment", "legacy", "--image=nginx:1.25");

        await ApplyAsync(ControlPlane, Deployment(ns, "legacy", replicas: 1) + "\n---\n" + Policy(ns, "legacy", "[member1]"));

        var applied = await UntilWorkConditionAsync("member1", ns, "legacy", "Applied", "False");
        Assert.Contains("already exists in the cluster member1", (string?)applied["message"], StringComparison.Ordinal);
        Assert.Equal("nginx:1.25", await GetAsync(member1, ns, "deployment", "legacy", "{.spec.template.spec.containers[0].image}"));

        await ApplyAsync(ControlPlane, Policy(ns, "legacy", "[member1]", "conflictResolution: Overwrite"));

        await UntilAsync(async () => await GetAsync(member1, ns, "deployment", "legacy", "{.spec.template.spec.containers[*].image}") == "nginx:1.27", "legacy taken over with the template's image");
        await UntilWorkConditionAsync("member1", ns, "legacy", "Applied", "True");
    }

    [Fact]
    public async Task DriftInMember_IsCorrectedBackToTheTemplate()
    {
        const string ns = "drift-scenario";
        var member1 = _karmada.Members["member1"];
        await NamespaceAsync(ns, "member1");
        await ApplyAsync(ControlPlane, Deployment(ns, "steady", replicas: 2) + "\n---\n" + Policy(ns, "steady", "[member1]"));
        await UntilAsync(async () => await GetAsync(member1, ns, "deployment", "steady", "{.spec.replicas}") == "2", "steady propagated with 2 replicas");

        await member1.OkAsync("-n", ns, "scale", "deployment", "steady", "--replicas=5");

        await UntilAsync(async () => await GetAsync(member1, ns, "deployment", "steady", "{.spec.replicas}") == "2", "member drift scaled back to 2 replicas");
    }

    [Fact]
    public async Task PreserveResourcesOnDeletion_DeletingTheTemplateKeepsTheMemberObject()
    {
        const string ns = "preserve-scenario";
        var member1 = _karmada.Members["member1"];
        await NamespaceAsync(ns, "member1");
        await ApplyAsync(ControlPlane, Deployment(ns, "keeper", replicas: 1) + "\n---\n" + Policy(ns, "keeper", "[member1]", "preserveResourcesOnDeletion: true"));
        await UntilAsync(async () => await GetAsync(member1, ns, "deployment", "keeper", "{.spec.replicas}") == "1", "keeper propagated");
        await UntilAsync(async () => await FindWorkAsync("member1", ns, "keeper") is not null, "keeper's Work exists");

        await ControlPlane.OkAsync("-n", ns, "delete", "deployment", "keeper");

        // Once the Work is gone the execution controller is done with the object: it must still be in the member.
        await UntilAsync(async () => await FindWorkAsync("member1", ns, "keeper") is null, "keeper's Work removed");
        Assert.Equal("1", await GetAsync(member1, ns, "deployment", "keeper", "{.spec.replicas}"));
    }

    [Fact]
    public async Task UnschedulablePolicy_DescribeBindingShowsScheduledFalseWithPerClusterReasons()
    {
        const string ns = "unschedulable-scenario";
        await NamespaceAsync(ns, "member1");
        await ApplyAsync(ControlPlane, Deployment(ns, "nowhere", replicas: 1) + "\n---\n" + $$"""
            apiVersion: policy.karmada.io/v1alpha1
            kind: PropagationPolicy
            metadata: {name: nowhere, namespace: {{ns}} }
            spec:
              resourceSelectors:
                - {apiVersion: apps/v1, kind: Deployment, name: nowhere}
              placement:
                clusterAffinity:
                  labelSelector:
                    matchLabels: {scenario: no-cluster-has-this}
            """);

        await UntilAsync(async () => await GetAsync(ControlPlane, ns, "resourcebinding", "nowhere-deployment", "{.status.conditions[?(@.type=='Scheduled')].status}") == "False", "binding Scheduled=False");

        var describe = await ControlPlane.OkAsync("-n", ns, "describe", "rb", "nowhere-deployment");
        Assert.Contains("Scheduled", describe, StringComparison.Ordinal);
        Assert.Contains("0/3 clusters are available", describe, StringComparison.Ordinal);
        foreach (var member in new[] { "member1", "member2", "member3" })
        {
            Assert.Contains($"{member} (ClusterAffinity): cluster affinity not matched", describe, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KubectlWaitAvailable_OnTheTemplate_ReturnsOnceEveryMemberIsAvailable()
    {
        const string ns = "wait-scenario";
        await NamespaceAsync(ns, "member1", "member2");
        await ApplyAsync(ControlPlane, Deployment(ns, "ready", replicas: 2) + "\n---\n" + Policy(ns, "ready", "[member1, member2]"));

        var wait = await ControlPlane.RunAsync(["-n", ns, "wait", "--for=condition=Available", "deployment/ready", "--timeout=60s"], null, null, TimeSpan.FromSeconds(70));

        Assert.True(wait.ExitCode == 0, $"{wait}\nkarmada up output:\n{_karmada.Up.Output}");
        Assert.Contains("condition met", wait.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("Available in every member cluster: member1, member2", await GetAsync(ControlPlane, ns, "deployment", "ready", "{.status.conditions[?(@.type=='Available')].message}"));
        await UntilAsync(async () => await GetAsync(ControlPlane, ns, "deployment", "ready", "{.status.availableReplicas}") == "4", "template availableReplicas 4");
    }

    private static string Deployment(string ns, string name, int replicas, string extraSpec = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{name}}, namespace: {{ns}} }
        spec:
          replicas: {{replicas.ToString(CultureInfo.InvariantCulture)}}
          selector:
            matchLabels: {app: {{name}} }
          template:
            metadata:
              labels: {app: {{name}} }
            spec:
              containers:
                - name: main
                  image: nginx:1.27
        {{extraSpec}}
        """;

    private static string Policy(string ns, string name, string clusters, string extraSpec = "") => $$"""
        apiVersion: policy.karmada.io/v1alpha1
        kind: PropagationPolicy
        metadata: {name: {{name}}, namespace: {{ns}} }
        spec:
          {{extraSpec}}
          resourceSelectors:
            - {apiVersion: apps/v1, kind: Deployment, name: {{name}} }
          placement:
            clusterAffinity:
              clusterNames: {{clusters}}
        """;

    private static async Task ApplyAsync(Kubectl kubectl, string yaml)
    {
        var result = await kubectl.RunWithInputAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, $"kubectl apply failed: {result}\n{yaml}");
    }

    // Creates the namespace on the control plane and waits until namespace sync created it in the given members.
    private async Task NamespaceAsync(string ns, params string[] members)
    {
        await ControlPlane.OkAsync("create", "namespace", ns);
        foreach (var member in members)
        {
            await UntilAsync(async () => (await _karmada.Members[member].RunAsync("get", "namespace", ns)).ExitCode == 0, $"namespace {ns} synced to {member}");
        }
    }

    private static async Task<string?> GetAsync(Kubectl kubectl, string ns, string resource, string name, string jsonPath)
    {
        var result = await kubectl.RunAsync("-n", ns, "get", resource, name, "-o", $"jsonpath={jsonPath}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    private static async Task<bool> IsNotFoundAsync(Kubectl kubectl, string? ns, string resource, string name)
    {
        var args = ns is null ? new[] { "get", resource, name } : ["-n", ns, "get", resource, name];
        var result = await kubectl.RunAsync(args);
        return result.ExitCode != 0
            && (result.StandardError.Contains("NotFound", StringComparison.Ordinal) || result.StandardError.Contains("doesn't have a resource type", StringComparison.Ordinal));
    }

    // The Work in karmada-es-<cluster> whose manifest is the namespaced object ns/name, or null.
    private async Task<JsonObject?> FindWorkAsync(string cluster, string ns, string name)
    {
        var list = JsonNode.Parse(await ControlPlane.OkAsync("-n", "karmada-es-" + cluster, "get", "works.work.karmada.io", "-o", "json"))!;
        return list["items"]!.AsArray().OfType<JsonObject>().FirstOrDefault(work =>
            work["spec"]?["workload"]?["manifests"]?.AsArray().OfType<JsonObject>().Any(m =>
                (string?)m["metadata"]?["name"] == name && (string?)m["metadata"]?["namespace"] == ns) == true);
    }

    private async Task<JsonObject> UntilWorkConditionAsync(string cluster, string ns, string name, string type, string status)
    {
        JsonObject? found = null;
        await UntilAsync(
            async () =>
            {
                var work = await FindWorkAsync(cluster, ns, name);
                found = work?["status"]?["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type && (string?)c["status"] == status);
                return found is not null;
            },
            $"Work for {ns}/{name} in {cluster} has {type}={status}");
        return found!;
    }

    private async Task UntilAsync(Func<Task<bool>> condition, string because)
    {
        try
        {
            await Eventually.UntilAsync(condition, Deadline, because);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; karmada up output:\n{_karmada.Up.Output}", ex);
        }
    }
}

/// <summary>One <c>karmada up --members 3</c> shared by a test class, with kubectl for the control plane and each member.</summary>
public sealed class KarmadaUpFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDir = new("e2e-scenarios");
    private KarmadaUpProcess? _up;

    public KarmadaUpProcess Up => _up ?? throw new InvalidOperationException("karmada up has not started");

    public Kubectl ControlPlane { get; private set; } = null!;

    public IReadOnlyDictionary<string, Kubectl> Members { get; private set; } = new Dictionary<string, Kubectl>();

    public async Task InitializeAsync()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        _up = await KarmadaUpProcess.StartUpAsync(TimeSpan.FromSeconds(90), "--members", "3", "--data-dir", _dataDir.Path, "--secure-port", port);
        ControlPlane = new Kubectl("1.33", Path.Combine(_dataDir.Path, "karmada-apiserver.config"));
        Members = new[] { "member1", "member2", "member3" }.ToDictionary(m => m, m => new Kubectl("1.33", Path.Combine(_dataDir.Path, "members", m + ".config")), StringComparer.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_up is not null)
        {
            await _up.DisposeAsync();
        }

        _dataDir.Dispose();
    }
}
