using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// karmadactl's read and propagation verbs against one real <c>karmada up --members 2</c> (shared by the class):
/// version, top cluster, get/describe across members, simulate compared with the real scheduler, apply
/// --all-clusters and promote. Each test works in its own namespace.
/// </summary>
[Trait("Category", "E2E")]
[Collection(KarmadaUpCollection.Name)]
public sealed class KarmadactlE2ETests : IClassFixture<KarmadactlE2ETests.Fixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly Fixture _fixture;

    public KarmadactlE2ETests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Version_PrintsClientAndServerVersions()
    {
        var result = await _fixture.KarmadactlAsync("version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^Client Version: v\d+\.\d+\.\d+.*\nServer Version: v1\.31\.0-karmada\.net\n$", result.StandardOutput);
        var json = JsonNode.Parse((await _fixture.KarmadactlAsync("version", "-o", "json")).StandardOutput)!;
        Assert.Equal("v1.31.0-karmada.net", (string?)json["serverVersion"]!["gitVersion"]);
    }

    [Fact]
    public async Task TopCluster_ShowsAllocatableAndAllocatedPerMember()
    {
        string output = "";
        await UntilAsync(async () =>
        {
            var result = await _fixture.KarmadactlAsync("top", "cluster");
            output = result.ToString();
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return result.ExitCode == 0 && lines.Length == 3 && lines.Skip(1).All(l => !l.Contains("<unknown>", StringComparison.Ordinal));
        }, () => $"top cluster shows both members with resource summaries; last: {output}");

        var table = (await _fixture.KarmadactlAsync("top", "cluster")).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)", "CPU-ALLOCATABLE", "MEMORY-ALLOCATABLE"], Columns(table[0]));
        Assert.Equal(["member1", "member2"], table.Skip(1).Select(l => Columns(l)[0]));
        Assert.All(table.Skip(1), l => Assert.Matches(@"^\d+m$", Columns(l)[5]));

        var missing = await _fixture.KarmadactlAsync("top", "cluster", "nope");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PropagatedDeployment_ShowsEachClusterWithAdoption_AndDescribeDumpsIt()
    {
        await _fixture.CreateNamespaceAsync("demo");
        await _fixture.Karmada.OkAsync("apply", "-f", Example("nginx-deployment.yaml"));
        await _fixture.Karmada.OkAsync("apply", "-f", Example("nginx-propagationpolicy.yaml"));
        await UntilAsync(
            async () => await ReplicasAsync(_fixture.Members["member1"], "demo", "nginx") == "2" && await ReplicasAsync(_fixture.Members["member2"], "demo", "nginx") == "2",
            () => "nginx split 2 + 2");

        var get = await _fixture.KarmadactlAsync("get", "deploy", "-n", "demo", "--operation-scope", "members");
        Assert.True(get.ExitCode == 0, get.ToString());
        var lines = get.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "CLUSTER", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "ADOPTION"], Columns(lines[0]));
        Assert.Equal(["member1", "member2"], lines.Skip(1).Select(l => Columns(l)[1]));
        Assert.All(lines.Skip(1), l => Assert.Equal("nginx", Columns(l)[0]));
        Assert.All(lines.Skip(1), l => Assert.Equal("Y", Columns(l)[^1]));

        var all = await _fixture.KarmadactlAsync("get", "deployments.apps", "-A", "-s", "members", "--clusters", "member2");
        Assert.True(all.ExitCode == 0, all.ToString());
        var allLines = all.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAMESPACE", "NAME", "CLUSTER"], Columns(allLines[0]).Take(3));
        Assert.Contains(allLines, l => Columns(l).Take(3).SequenceEqual(["demo", "nginx", "member2"]));
        Assert.DoesNotContain(allLines, l => l.Contains("member1", StringComparison.Ordinal));

        var yaml = await _fixture.KarmadactlAsync("get", "deployment", "nginx", "-n", "demo", "-s", "members", "-C", "member1", "-o", "json");
        Assert.True(yaml.ExitCode == 0, yaml.ToString());
        Assert.Equal(2, (int?)JsonNode.Parse(yaml.StandardOutput)!["spec"]!["replicas"]);

        var notFound = await _fixture.KarmadactlAsync("get", "deployment", "absent", "-n", "demo", "-s", "members");
        Assert.Equal(1, notFound.ExitCode);
        Assert.Contains("not found", notFound.StandardError, StringComparison.Ordinal);

        var describe = await _fixture.KarmadactlAsync("describe", "deploy", "nginx", "-n", "demo", "-C", "member2");
        Assert.True(describe.ExitCode == 0, describe.ToString());
        Assert.Contains("Cluster:      member2", describe.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Adoption:     Y", describe.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("replicas: 2", describe.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Events:", describe.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OperationScope_ControlPlaneByDefault_MembersOrAllOnRequest()
    {
        await _fixture.CreateNamespaceAsync("scope");
        await _fixture.Karmada.OkAsync("apply", "-f", _fixture.WriteFile("scope-web.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: scope}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            ---
            apiVersion: policy.karmada.io/v1alpha1
            kind: PropagationPolicy
            metadata: {name: web, namespace: scope}
            spec:
              resourceSelectors: [{apiVersion: apps/v1, kind: Deployment, name: web}]
              placement:
                clusterAffinity: {clusterNames: [member1, member2]}
            """));
        await UntilAsync(
            async () => await ReplicasAsync(_fixture.Members["member1"], "scope", "web") == "3" && await ReplicasAsync(_fixture.Members["member2"], "scope", "web") == "3",
            () => "web duplicated to both members");

        var karmada = await _fixture.KarmadactlAsync("get", "deploy", "-n", "scope");
        Assert.True(karmada.ExitCode == 0, karmada.ToString());
        var lines = karmada.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "CLUSTER", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "ADOPTION"], Columns(lines[0]));
        var row = Columns(Assert.Single(lines.Skip(1)));
        Assert.Equal(["web", "Karmada"], row.Take(2));
        Assert.Equal("-", row[^1]);

        var all = await _fixture.KarmadactlAsync("get", "deploy", "-n", "scope", "--operation-scope", "all");
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(
            [["web", "Karmada", "-"], ["web", "member1", "Y"], ["web", "member2", "Y"]],
            all.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => new[] { Columns(l)[0], Columns(l)[1], Columns(l)[^1] }));

        var narrowed = await _fixture.KarmadactlAsync("get", "deploy", "web", "-n", "scope", "-s", "all", "-C", "member2", "-o", "json");
        Assert.True(narrowed.ExitCode == 0, narrowed.ToString());
        var items = JsonNode.Parse(narrowed.StandardOutput)!["items"]!.AsArray();
        Assert.Equal(2, items.Count); // the template and member2's copy; member1 is not asked
        Assert.Null(items[0]!["metadata"]!["labels"]?["karmada.io/managed"]);
        Assert.Equal("true", (string?)items[1]!["metadata"]!["labels"]!["karmada.io/managed"]);

        var notFound = await _fixture.KarmadactlAsync("get", "deploy", "absent", "-n", "scope");
        Assert.Equal(1, notFound.ExitCode);
        Assert.Contains("not found in the Karmada control plane", notFound.StandardError, StringComparison.Ordinal);

        var bad = await _fixture.KarmadactlAsync("get", "deploy", "-n", "scope", "-s", "everywhere");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--operation-scope 'everywhere' is not one of karmada, members, all", bad.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_AgreesWithTheScheduler()
    {
        await _fixture.CreateNamespaceAsync("sim");
        var policy = _fixture.WriteFile("sim-policy.yaml", """
            apiVersion: policy.karmada.io/v1alpha1
            kind: PropagationPolicy
            metadata:
              name: web
              namespace: sim
            spec:
              resourceSelectors:
                - apiVersion: apps/v1
                  kind: Deployment
                  name: web
              placement:
                replicaScheduling:
                  replicaDivisionPreference: Weighted
                  replicaSchedulingType: Divided
                  weightPreference:
                    staticWeightList:
                      - targetCluster: {clusterNames: [member1]}
                        weight: 2
                      - targetCluster: {clusterNames: [member2]}
                        weight: 1
            """);
        var template = _fixture.WriteFile("sim-web.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: sim
            spec:
              replicas: 5
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """);

        var simulated = await _fixture.KarmadactlAsync("simulate", "-f", policy, "-f", template, "-o", "json");
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        var result = JsonNode.Parse(simulated.StandardOutput)!["results"]![0]!;
        Assert.True((bool?)result["scheduled"]);
        var expected = Targets(result["targetClusters"]!.AsArray());
        Assert.Equal(5, expected.Sum(t => t.Replicas));

        var table = await _fixture.KarmadactlAsync("simulate", "-f", policy, "-f", template);
        Assert.Contains("Binding: sim/web-deployment (replicas 5)", table.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"member1\s+Fit", table.StandardOutput);

        await _fixture.Karmada.OkAsync("apply", "-f", template);
        await _fixture.Karmada.OkAsync("apply", "-f", policy);
        var actual = new List<(string Name, int Replicas)>();
        await UntilAsync(async () =>
        {
            var rb = await _fixture.Karmada.RunAsync("-n", "sim", "get", "resourcebinding", "web-deployment", "-o", "json");
            actual = rb.ExitCode == 0 && JsonNode.Parse(rb.StandardOutput)!["spec"]!["clusters"] is JsonArray clusters ? Targets(clusters) : [];
            return actual.Count > 0;
        }, () => "the scheduler placed sim/web-deployment");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ApplyAllClusters_CreatesTemplateAndPolicy_PropagatingToEveryMember()
    {
        await _fixture.CreateNamespaceAsync("everywhere");
        var manifest = _fixture.WriteFile("everywhere-cm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              mode: global
            """);

        var apply = await _fixture.KarmadactlAsync("apply", "-f", manifest, "-n", "everywhere", "--all-clusters");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        var lines = apply.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("configmap/settings created", lines[0]);
        Assert.Matches(@"^propagationpolicy\.policy\.karmada\.io/settings-[a-z0-9]+ created$", lines[1]);
        foreach (var member in _fixture.Members.Values)
        {
            await UntilAsync(
                async () => (await member.RunAsync("-n", "everywhere", "get", "configmap", "settings", "-o", "jsonpath={.data.mode}")).StandardOutput.Trim() == "global",
                () => "settings propagated to every member");
        }

        var again = await _fixture.KarmadactlAsync("apply", "-f", manifest, "-n", "everywhere", "--all-clusters");
        Assert.Equal("configmap/settings configured", again.StandardOutput.Split('\n')[0]);
    }

    [Fact]
    public async Task Promote_AdoptsTheMemberObject()
    {
        await _fixture.CreateNamespaceAsync("legacy");
        var member1 = _fixture.Members["member1"];
        await member1.OkAsync("-n", "legacy", "create", "configmap", "old-config", "--from-literal=owner=team-a");

        var promote = await _fixture.KarmadactlAsync("promote", "configmap", "old-config", "-n", "legacy", "-C", "member1");

        Assert.True(promote.ExitCode == 0, promote.ToString());
        Assert.Contains("is promoted successfully", promote.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("team-a", (await _fixture.Karmada.OkAsync("-n", "legacy", "get", "configmap", "old-config", "-o", "jsonpath={.data.owner}")).Trim());
        Assert.Contains("Overwrite", await _fixture.Karmada.OkAsync("-n", "legacy", "get", "propagationpolicies", "-o", "jsonpath={.items[*].spec.conflictResolution}"), StringComparison.Ordinal);
        await UntilAsync(
            async () => (await member1.RunAsync("-n", "legacy", "get", "configmap", "old-config", "-o", "jsonpath={.metadata.labels.karmada\\.io/managed}")).StandardOutput.Trim() == "true",
            () => "member1's old-config adopted by Karmada");
        Assert.Contains("NotFound", (await _fixture.Members["member2"].RunAsync("-n", "legacy", "get", "configmap", "old-config")).StandardError, StringComparison.Ordinal);

        var again = await _fixture.KarmadactlAsync("promote", "configmap", "old-config", "-n", "legacy", "-C", "member1");
        Assert.Contains("already exist in karmada control plane", again.StandardOutput, StringComparison.Ordinal);
    }

    private static List<(string Name, int Replicas)> Targets(JsonArray clusters) =>
        [.. clusters.Select(c => ((string)c!["name"]!, (int?)c["replicas"] ?? 0)).OrderBy(t => t.Item1, StringComparer.Ordinal)];

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Example(string file) => Path.Combine(AppContext.BaseDirectory, "examples", file);

    private static async Task<string> ReplicasAsync(Kubectl member, string ns, string name)
    {
        var result = await member.RunAsync("-n", ns, "get", "deployment", name, "-o", "jsonpath={.spec.replicas}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : "";
    }

    private async Task UntilAsync(Func<Task<bool>> condition, Func<string> because)
    {
        try
        {
            await Eventually.UntilAsync(condition, Deadline, "condition");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{because()}: {ex.Message}; karmada up output:\n{_fixture.Up?.Output}", ex);
        }
    }

    /// <summary>One <c>karmada up --members 2</c> for the class, with kubectl runners for the control plane and members.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TempDirectory _dataDir = new("e2e-karmadactl");

        public KarmadaUpProcess? Up { get; private set; }

        public Kubectl Karmada => new("1.33", Kubeconfig);

        public IReadOnlyDictionary<string, Kubectl> Members { get; private set; } = new Dictionary<string, Kubectl>();

        private string Kubeconfig => Path.Combine(_dataDir.Path, "karmada-apiserver.config");

        public async Task InitializeAsync()
        {
            var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            Up = await KarmadaUpProcess.StartUpAsync(TimeSpan.FromSeconds(90), "--members", "2", "--data-dir", _dataDir.Path, "--secure-port", port);
            Members = new[] { "member1", "member2" }.ToDictionary(m => m, m => new Kubectl("1.33", Path.Combine(_dataDir.Path, "members", m + ".config")));
            var karmada = Karmada;
            await Eventually.UntilAsync(
                async () => (await karmada.RunAsync("get", "clusters")).StandardOutput.Split('\n').Count(l => l.Contains(" True ", StringComparison.Ordinal)) == 2,
                TimeSpan.FromSeconds(60),
                "both members Ready");
        }

        public async Task DisposeAsync()
        {
            if (Up is not null)
            {
                await Up.DisposeAsync();
            }

            _dataDir.Dispose();
        }

        public Task<ProcessResult> KarmadactlAsync(params string[] args) =>
            ChildProcess.RunAsync("dotnet", [KarmadactlPath(), "--kubeconfig", Kubeconfig, .. args], null, null, TimeSpan.FromSeconds(120));

        public string WriteFile(string name, string content)
        {
            var path = Path.Combine(_dataDir.Path, name);
            File.WriteAllText(path, content);
            return path;
        }

        /// <summary>Creates the namespace on the control plane and waits until namespace sync put it in every member.</summary>
        public async Task CreateNamespaceAsync(string name)
        {
            await Karmada.OkAsync("create", "namespace", name);
            foreach (var member in Members.Values)
            {
                await Eventually.UntilAsync(async () => (await member.RunAsync("get", "namespace", name)).ExitCode == 0, Deadline, $"namespace {name} synced to every member");
            }
        }

        private static string KarmadactlPath()
        {
            var baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var candidates = new List<string> { Path.Combine(baseDir, "karmadactl.dll") };
            if (Environment.GetEnvironmentVariable("KARMADACTL_PATH") is { Length: > 0 } overridePath)
            {
                candidates.Insert(0, overridePath);
            }

            return candidates.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"karmadactl.dll not found beside the tests; looked at: {string.Join(", ", candidates)}");
        }
    }
}
