using System.Text.Json.Nodes;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// What a kubectl user does against the control plane, run with the oldest and newest supported kubectl
/// (1.27 and 1.33: legacy v2beta1 discovery and OpenAPI v2 validation on one side, v2 discovery and protobuf
/// request bodies on the other).
/// </summary>
public abstract class KubectlScenarios(ApiServerFixture fixture)
{
    private static readonly string DeploymentYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                env:
                - name: A
                  value: "1"
        """;

    public static TheoryData<string> Versions => new() { "1.27", "1.33" };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ApplyGetLabelScalePatchDelete_Deployment_BehavesLikeKubernetes(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var ns = await NewNamespaceAsync(kubectl, "apply");

        var created = await kubectl.RunWithInputAsync(DeploymentYaml, "apply", "-n", ns, "-f", "-");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("deployment.apps/web created", created.StandardOutput, StringComparison.Ordinal);

        var updated = await kubectl.RunWithInputAsync(DeploymentYaml.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal).Replace("nginx:1.27", "nginx:1.28", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Contains("deployment.apps/web configured", updated.StandardOutput, StringComparison.Ordinal);

        var json = JsonNode.Parse(await kubectl.OkAsync("get", "deploy", "web", "-n", ns, "-o", "json"))!;
        Assert.Equal(3, (int)json["spec"]!["replicas"]!);
        Assert.Equal("nginx:1.28", (string?)json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("A", (string?)json["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]![0]!["name"]);
        Assert.Equal(2, (int)json["metadata"]!["generation"]!);

        var wide = await kubectl.OkAsync("get", "deploy", "-n", ns, "-o", "wide");
        Assert.Contains("READY", wide, StringComparison.Ordinal);
        Assert.Contains("IMAGES", wide, StringComparison.Ordinal);
        Assert.Contains("nginx:1.28", wide, StringComparison.Ordinal);

        await kubectl.OkAsync("label", "deploy", "web", "-n", ns, "tier=frontend");
        await kubectl.OkAsync("annotate", "deploy", "web", "-n", ns, "owner=team-a");
        var byLabel = await kubectl.OkAsync("get", "deploy", "-n", ns, "-l", "tier=frontend", "-o", "name");
        Assert.Equal("deployment.apps/web", byLabel.Trim());
        Assert.Empty((await kubectl.OkAsync("get", "deploy", "-n", ns, "-l", "tier=backend", "-o", "name")).Trim());

        await kubectl.OkAsync("scale", "deploy", "web", "-n", ns, "--replicas=5");
        Assert.Equal("5", (await kubectl.OkAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}")).Trim());

        await kubectl.OkAsync("patch", "deploy", "web", "-n", ns, "--type=merge", "-p", """{"spec":{"replicas":6}}""");
        await kubectl.OkAsync("patch", "deploy", "web", "-n", ns, "--type=json", "-p", """[{"op":"add","path":"/spec/minReadySeconds","value":3}]""");
        await kubectl.OkAsync("patch", "deploy", "web", "-n", ns, "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"B","value":"2"}]}]}}}}""");
        json = JsonNode.Parse(await kubectl.OkAsync("get", "deploy", "web", "-n", ns, "-o", "json"))!;
        Assert.Equal(6, (int)json["spec"]!["replicas"]!);
        Assert.Equal(3, (int)json["spec"]!["minReadySeconds"]!);
        var env = json["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string?)e!["name"]).ToList();
        Assert.Equal(["A", "B"], env.Order().ToList());
        Assert.Equal("frontend", (string?)json["metadata"]!["labels"]!["tier"]);

        var all = await kubectl.OkAsync("get", "deploy", "-A");
        Assert.Contains(ns, all, StringComparison.Ordinal);

        var deleted = await kubectl.OkAsync("delete", "deploy", "web", "-n", ns);
        Assert.Contains("deployment.apps \"web\" deleted", deleted, StringComparison.Ordinal);
        var missing = await kubectl.RunAsync("get", "deploy", "web", "-n", ns);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("Error from server (NotFound): deployments.apps \"web\" not found", missing.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CreateClusterRole_NameWithColons_IsAcceptedWhileConfigMapsStayDns(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var suffix = version.Replace(".", "", StringComparison.Ordinal);
        var role = $"system:e2e:{suffix}";
        Assert.Contains($"clusterrole.rbac.authorization.k8s.io/{role} created", await kubectl.OkAsync("create", "clusterrole", role, "--verb=get", "--resource=pods"), StringComparison.Ordinal);
        Assert.Contains($"clusterrolebinding.rbac.authorization.k8s.io/{role}:bind created", await kubectl.OkAsync("create", "clusterrolebinding", role + ":bind", "--clusterrole", role, "--user=alice"), StringComparison.Ordinal);
        Assert.Equal(role, (await kubectl.OkAsync("get", "clusterrole", role, "-o", "jsonpath={.metadata.name}")).Trim());

        var ns = await NewNamespaceAsync(kubectl, "colon");
        var invalid = await kubectl.RunAsync("create", "configmap", $"a:{suffix}", "-n", ns);
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("RFC 1123 subdomain", invalid.StandardError, StringComparison.Ordinal);
        await kubectl.OkAsync("delete", "clusterrolebinding", role + ":bind");
        await kubectl.OkAsync("delete", "clusterrole", role);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ServerSideApply_ConflictingManagers_ReportsConflictUnlessForced(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var ns = await NewNamespaceAsync(kubectl, "ssa");
        var applied = await kubectl.RunWithInputAsync(DeploymentYaml, "apply", "--server-side", "-n", ns, "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains("serverside-applied", applied.StandardOutput, StringComparison.Ordinal);

        var other = await kubectl.RunWithInputAsync(DeploymentYaml.Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal), "apply", "--server-side", "--field-manager", "other", "-n", ns, "-f", "-");
        Assert.NotEqual(0, other.ExitCode);
        Assert.Contains("conflict", other.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".spec.replicas", other.StandardError, StringComparison.Ordinal);

        var forced = await kubectl.RunWithInputAsync(DeploymentYaml.Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal), "apply", "--server-side", "--force-conflicts", "--field-manager", "other", "-n", ns, "-f", "-");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("4", (await kubectl.OkAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}")).Trim());
        var managers = await kubectl.OkAsync("get", "deploy", "web", "-n", ns, "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}");
        Assert.Contains("other", managers, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Watch_NewObject_IsPrintedByGetWatch(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var ns = await NewNamespaceAsync(kubectl, "watch");
        using var watcher = kubectl.Start("get", "configmaps", "-n", ns, "-w");
        var output = new System.Text.StringBuilder();
        watcher.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        watcher.BeginOutputReadLine();
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                await kubectl.RunAsync("create", "configmap", "seen", "-n", ns, "--from-literal=k=v");
                lock (output)
                {
                    return output.ToString().Contains("seen", StringComparison.Ordinal);
                }
            }, TimeSpan.FromSeconds(30), "kubectl get -w prints the new configmap");
        }
        finally
        {
            watcher.Kill();
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task DescribeDiffEditWait_Deployment_Work(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var ns = await NewNamespaceAsync(kubectl, "tools");
        await kubectl.RunWithInputAsync(DeploymentYaml, "apply", "-n", ns, "-f", "-");

        var describe = await kubectl.OkAsync("describe", "deploy", "web", "-n", ns);
        Assert.Contains("Name:", describe, StringComparison.Ordinal);
        Assert.Contains("nginx:1.27", describe, StringComparison.Ordinal);

        var diff = await kubectl.RunWithInputAsync(DeploymentYaml.Replace("replicas: 2", "replicas: 7", StringComparison.Ordinal), "diff", "-n", ns, "-f", "-");
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("replicas: 7", diff.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("2", (await kubectl.OkAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}")).Trim());

        var edit = await kubectl.RunAsync(
            ["edit", "deploy", "web", "-n", ns],
            null,
            new Dictionary<string, string> { ["KUBE_EDITOR"] = "sed -i s/replicas:\\ 2/replicas:\\ 9/" },
            TimeSpan.FromSeconds(60));
        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Equal("9", (await kubectl.OkAsync("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}")).Trim());

        var wait = kubectl.RunAsync(["wait", "--for=condition=Available", "deploy/web", "-n", ns, "--timeout=30s"], null, null, TimeSpan.FromSeconds(60));
        await kubectl.OkAsync("patch", "deploy", "web", "-n", ns, "--subresource=status", "--type=merge", "-p",
            """{"status":{"conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable","message":"ok"}]}}""");
        var waited = await wait;
        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Contains("condition met", waited.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ApiResourcesAndExplain_ShowServedKinds(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var resources = await kubectl.OkAsync("api-resources");
        Assert.Contains("deployments", resources, StringComparison.Ordinal);
        Assert.Contains("customresourcedefinitions", resources, StringComparison.Ordinal);

        var explain = await kubectl.OkAsync("explain", "deployment.spec.replicas");
        Assert.Contains("replicas", explain, StringComparison.Ordinal);
        Assert.Contains("integer", explain, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CustomResourceDefinition_ThenCustomResource_IsServedAndValidated(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var group = $"v{version.Replace(".", "", StringComparison.Ordinal)}.example.com";
        await ApplyCrdAsync(kubectl, $"widgets.{group}", CrdYaml(group, "widget", "Widget", "{type: integer, minimum: 0, default: 1}", shortName: "wd", statusAndSizeColumn: true));

        var ns = await NewNamespaceAsync(kubectl, "crd");
        var widget = $$"""
            apiVersion: {{group}}/v1
            kind: Widget
            metadata: {name: w1}
            spec: {color: red}
            """;
        await ApplyOnceServedAsync(kubectl, ns, widget);
        var table = await kubectl.OkAsync("get", $"widgets.{group}", "-n", ns);
        Assert.Contains("SIZE", table, StringComparison.Ordinal);
        Assert.Equal("1", (await kubectl.OkAsync("get", $"widgets.{group}", "w1", "-n", ns, "-o", "jsonpath={.spec.size}")).Trim());

        var invalid = await kubectl.RunWithInputAsync(widget.Replace("{color: red}", "{size: -1}", StringComparison.Ordinal).Replace("w1", "w2", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("spec.size", invalid.StandardError, StringComparison.Ordinal);

        var smp = await kubectl.RunAsync("patch", $"widgets.{group}", "w1", "-n", ns, "-p", """{"spec":{"size":2}}""");
        Assert.NotEqual(0, smp.ExitCode);
        Assert.Contains("strategic-merge-patch", smp.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomResourceDefinition_TightenedSchema_RatchetsUnchangedValues()
    {
        var kubectl = fixture.Kubectl("1.33");
        const string group = "ratchet.example.com";
        string Crd(int maximum) => CrdYaml(group, "gadget", "Gadget", $"{{type: integer, maximum: {maximum}}}");
        var gadget = """
            apiVersion: ratchet.example.com/v1
            kind: Gadget
            metadata: {name: NAME}
            spec: {size: 50, color: red}
            """;
        await ApplyCrdAsync(kubectl, $"gadgets.{group}", Crd(100));
        var ns = await NewNamespaceAsync(kubectl, "ratchet");
        await ApplyOnceServedAsync(kubectl, ns, gadget.Replace("NAME", "g1", StringComparison.Ordinal));

        // The schema tightens under the stored object: new objects with size 50 are refused from now on.
        await ApplyCrdAsync(kubectl, $"gadgets.{group}", Crd(10));
        await Eventually.UntilAsync(
            async () => (await kubectl.RunWithInputAsync(gadget.Replace("NAME", "g2", StringComparison.Ordinal), "apply", "-n", ns, "-f", "-")).ExitCode != 0,
            TimeSpan.FromSeconds(30),
            "the tightened schema refuses new objects");

        // Updates that leave size alone still go through, as with upstream's validation ratcheting; changing it does not.
        await kubectl.OkAsync("label", $"gadgets.{group}", "g1", "-n", ns, "tier=gold");
        await kubectl.OkAsync("patch", $"gadgets.{group}", "g1", "-n", ns, "--type=merge", "-p", """{"spec":{"color":"blue"}}""");
        var changed = await kubectl.RunAsync("patch", $"gadgets.{group}", "g1", "-n", ns, "--type=merge", "-p", """{"spec":{"size":60}}""");
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("spec.size", changed.StandardError, StringComparison.Ordinal);
        Assert.Equal("50 blue", (await kubectl.OkAsync("get", $"gadgets.{group}", "g1", "-n", ns, "-o", "jsonpath={.spec.size} {.spec.color}")).Trim());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task DeleteNamespace_RemovesItsContents(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var ns = await NewNamespaceAsync(kubectl, "cascade");
        await kubectl.OkAsync("create", "configmap", "c1", "-n", ns, "--from-literal=a=b");
        await kubectl.RunWithInputAsync(DeploymentYaml, "apply", "-n", ns, "-f", "-");
        var deleted = await kubectl.RunAsync(["delete", "namespace", ns, "--timeout=60s"], null, null, TimeSpan.FromSeconds(90));
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var gone = await kubectl.RunAsync("get", "namespace", ns);
        Assert.Contains("NotFound", gone.StandardError, StringComparison.Ordinal);
        var leftovers = await kubectl.OkAsync("get", "configmaps,deployments", "-A", "--field-selector", $"metadata.namespace={ns}", "-o", "name");
        Assert.Empty(leftovers.Trim());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task BadInput_GetsKubernetesErrors(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var ns = await NewNamespaceAsync(kubectl, "bad");
        var invalidName = await kubectl.RunWithInputAsync(DeploymentYaml.Replace("name: web", "name: Web_Bad", StringComparison.Ordinal), "create", "-n", ns, "-f", "-");
        Assert.NotEqual(0, invalidName.ExitCode);
        Assert.Contains("is invalid", invalidName.StandardError, StringComparison.Ordinal);
        Assert.Contains("metadata.name", invalidName.StandardError, StringComparison.Ordinal);

        await kubectl.OkAsync("create", "configmap", "dup", "-n", ns);
        var duplicate = await kubectl.RunAsync("create", "configmap", "dup", "-n", ns);
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("configmaps \"dup\" already exists", duplicate.StandardError, StringComparison.Ordinal);

        var unknown = await kubectl.RunAsync("get", "nosuchthings");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("the server doesn't have a resource type \"nosuchthings\"", unknown.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AuthCanI_AuthenticatedAdmin_IsAllowed(string version)
    {
        var kubectl = fixture.Kubectl(version);
        Assert.Equal("yes", (await kubectl.OkAsync("auth", "can-i", "create", "deployments")).Trim());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task PropagationPolicy_AdmissionDefaultsAndValidates(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var ns = await NewNamespaceAsync(kubectl, "policy");
        const string Policy = """
            apiVersion: policy.karmada.io/v1alpha1
            kind: PropagationPolicy
            metadata:
              name: web
            spec:
              resourceSelectors:
                - apiVersion: apps/v1
                  kind: Deployment
                  name: web
              placement:
                clusterAffinity:
                  clusterNames: [member1, member2]
            """;
        var created = await kubectl.RunWithInputAsync(Policy, "apply", "-n", ns, "-f", "-");
        Assert.True(created.ExitCode == 0, created.ToString());
        var json = JsonNode.Parse(await kubectl.OkAsync("get", "pp", "web", "-n", ns, "-o", "json"))!;
        Assert.False(string.IsNullOrEmpty((string?)json["metadata"]!["labels"]!["propagationpolicy.karmada.io/permanent-id"]));
        Assert.Contains("karmada.io/propagation-policy-controller", json["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
        Assert.Equal(ns, (string?)json["spec"]!["resourceSelectors"]![0]!["namespace"]);

        const string Invalid = """
            apiVersion: policy.karmada.io/v1alpha1
            kind: PropagationPolicy
            metadata:
              name: bad
            spec:
              resourceSelectors:
                - apiVersion: apps/v1
                  kind: Deployment
              placement:
                spreadConstraints:
                  - {spreadByField: cluster, minGroups: 3, maxGroups: 1}
            """;
        var invalid = await kubectl.RunWithInputAsync(Invalid, "apply", "-n", ns, "-f", "-");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("is invalid", invalid.StandardError, StringComparison.Ordinal);
        Assert.Contains("spec.placement.spreadConstraints[0]", invalid.StandardError, StringComparison.Ordinal);
    }

    /// <summary>
    /// A namespaced CRD <c>&lt;singular&gt;s.&lt;group&gt;</c> serving and storing <c>v1</c>, whose spec has an integer
    /// <c>size</c> (its schema <paramref name="sizeSchema"/>) and a string <c>color</c>.
    /// </summary>
    private static string CrdYaml(string group, string singular, string kind, string sizeSchema, string? shortName = null, bool statusAndSizeColumn = false)
    {
        var shortNames = shortName is null ? string.Empty : $", shortNames: [{shortName}]";
        var statusAndColumn = statusAndSizeColumn
            ? "subresources: {status: {}}\n    additionalPrinterColumns: [{name: Size, type: integer, jsonPath: .spec.size}]\n    "
            : string.Empty;
        return $$$"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: {{{singular}}}s.{{{group}}}
            spec:
              group: {{{group}}}
              scope: Namespaced
              names: {plural: {{{singular}}}s, singular: {{{singular}}}, kind: {{{kind}}}{{{shortNames}}}}
              versions:
              - name: v1
                served: true
                storage: true
                {{{statusAndColumn}}}schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          size: {{{sizeSchema}}}
                          color: {type: string}
            """;
    }

    /// <summary>Applies a CRD and waits until it is Established.</summary>
    private static async Task ApplyCrdAsync(Kubectl kubectl, string name, string yaml)
    {
        var applied = await kubectl.RunWithInputAsync(yaml, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        await kubectl.OkAsync("wait", "--for=condition=Established", $"crd/{name}", "--timeout=30s");
    }

    /// <summary>Applies a custom resource as soon as its newly established kind is served.</summary>
    private static Task ApplyOnceServedAsync(Kubectl kubectl, string ns, string yaml) =>
        Eventually.UntilAsync(
            async () => (await kubectl.RunWithInputAsync(yaml, "apply", "-n", ns, "-f", "-")).ExitCode == 0,
            TimeSpan.FromSeconds(30),
            "custom resource accepted");

    private static async Task<string> NewNamespaceAsync(Kubectl kubectl, string prefix)
    {
        var ns = $"{prefix}-{kubectl.Version.Replace(".", "", StringComparison.Ordinal)}-{Guid.NewGuid().ToString("N")[..6]}";
        await kubectl.OkAsync("create", "namespace", ns);
        return ns;
    }
}
