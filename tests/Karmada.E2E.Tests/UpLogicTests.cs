using Karmada.Api.Meta;
using Karmada.Host.Up;
using Karmada.Testing;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.E2E.Tests;

/// <summary>
/// The decisions of <c>karmada up</c> as plain functions: member plans, which Cluster fields to patch, adoption of an
/// existing Cluster, readiness, the "try this" text, the data directory and the remembered ports. (The host binary has
/// no unit-test project of its own; these need no server.)
/// </summary>
public sealed class UpLogicTests
{
    [Fact]
    public void SimulatedMemberPlan_ForCount_DistinctTopologyAndGrowingSizes()
    {
        var plans = SimulatedMemberPlan.ForCount(3);

        Assert.Equal(["member1", "member2", "member3"], plans.Select(p => p.Name));
        Assert.Equal(["us-east", "us-west", "eu-central"], plans.Select(p => p.Region));
        Assert.Equal(3, plans.Select(p => p.Provider).Distinct().Count());
        Assert.Equal([2, 3, 5], plans.Select(p => p.Profile.Nodes));
        Assert.Equal(["4", "8", "16"], plans.Select(p => p.Profile.Capacity["cpu"]));
        foreach (var plan in plans)
        {
            // Node topology labels agree with the Cluster's region and zones.
            Assert.Equal(plan.Region, plan.Profile.Region);
            Assert.Equal(plan.Zones, plan.Profile.Zones);
        }

        Assert.Empty(SimulatedMemberPlan.ForCount(0));
    }

    [Fact]
    public void SimulatedMemberPlan_BeyondThree_CyclesShapesWithOwnZones()
    {
        var fourth = SimulatedMemberPlan.For(4);

        Assert.Equal("member4", fourth.Name);
        Assert.Equal("us-east", fourth.Region);
        Assert.Equal(["us-east-4a", "us-east-4b"], fourth.Zones);
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedMemberPlan.For(0));
    }

    [Fact]
    public void SpecPatch_FreshJoin_SetsTopologyOnly()
    {
        var desired = SimulatedMemberCluster.From(SimulatedMemberPlan.For(1), "https://127.0.0.1:4000");
        var joined = Cluster("https://127.0.0.1:4000");

        var patch = desired.SpecPatch(joined);

        Assert.NotNull(patch);
        Assert.Equal("""{"spec":{"provider":"aws","region":"us-east","zones":["us-east-1a","us-east-1b"]}}""", patch.ToJsonString());
    }

    [Fact]
    public void SpecPatch_Matching_IsNull_MovedPort_OnlyEndpoint()
    {
        var desired = SimulatedMemberCluster.From(SimulatedMemberPlan.For(2), "https://127.0.0.1:4000");
        var current = Cluster("https://127.0.0.1:4000");
        current.Spec.Provider = "gcp";
        current.Spec.Region = "us-west";
        current.Spec.Zones = ["us-west-2a", "us-west-2b"];

        Assert.Null(desired.SpecPatch(current));

        current.Spec.ApiEndpoint = "https://127.0.0.1:3999";
        Assert.Equal("""{"spec":{"apiEndpoint":"https://127.0.0.1:4000"}}""", desired.SpecPatch(current)!.ToJsonString());
    }

    [Fact]
    public void CanAdopt_OnlyPushClustersOnTheSameHost()
    {
        var desired = SimulatedMemberCluster.From(SimulatedMemberPlan.For(1), "https://127.0.0.1:4000");

        Assert.True(desired.CanAdopt(Cluster("https://127.0.0.1:3999"), out _));

        Assert.False(desired.CanAdopt(Cluster("https://10.0.0.7:6443"), out var remote));
        Assert.Contains("10.0.0.7", remote, StringComparison.Ordinal);

        var pull = Cluster("https://127.0.0.1:4000");
        pull.Spec.SyncMode = ClusterV1Alpha1.ClusterSyncMode.Pull;
        Assert.False(desired.CanAdopt(pull, out var mode));
        Assert.Contains("Pull", mode, StringComparison.Ordinal);
    }

    [Fact]
    public void NotReady_ReportsMissingUnknownAndFalse()
    {
        var ready = Cluster("https://127.0.0.1:1", "member1");
        ready.Status.Conditions = [new Condition { Type = "Ready", Status = ConditionStatus.True }];
        var down = Cluster("https://127.0.0.1:2", "member2");
        down.Status.Conditions = [new Condition { Type = "Ready", Status = ConditionStatus.False, Reason = "ClusterNotReachable", Message = "cluster is not reachable" }];
        var fresh = Cluster("https://127.0.0.1:3", "member3");

        var notReady = ClusterReadiness.NotReady([ready, down, fresh], ["member1", "member2", "member3", "member4"]);

        Assert.Equal(
            ["member2: ClusterNotReachable cluster is not reachable", "member3: no status yet", "member4: not joined"],
            notReady);
        Assert.Empty(ClusterReadiness.NotReady([ready], ["member1"]));
    }

    [Fact]
    public void TryThisBanner_UsesTheRightKubeconfigs()
    {
        var layout = new UpLayout("/data/karmada");

        var text = TryThisBanner.Build(layout, ["member1", "member2"], "/src/docs/examples/nginx-deployment.yaml");

        Assert.Contains("kubectl --kubeconfig /data/karmada/karmada-apiserver.config get clusters", text, StringComparison.Ordinal);
        Assert.Contains("kubectl --kubeconfig /data/karmada/karmada-apiserver.config apply -f /src/docs/examples/nginx-deployment.yaml", text, StringComparison.Ordinal);
        Assert.Contains("clusterNames: [member1, member2]", text, StringComparison.Ordinal);
        Assert.Contains("kubectl --kubeconfig /data/karmada/members/member1.config -n demo get deploy", text, StringComparison.Ordinal);

        var controlPlaneOnly = TryThisBanner.Build(layout, [], null);
        Assert.Contains("karmadactl --kubeconfig /data/karmada/karmada-apiserver.config join", controlPlaneOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("PropagationPolicy", controlPlaneOnly, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/home/me/.local/share/karmada", "/home/me/.local/share/karmada")]
    [InlineData("/Users/me/Library/Application Support/karmada", "'/Users/me/Library/Application Support/karmada'")]
    [InlineData("/tmp/it's", "'/tmp/it'\\''s'")]
    public void ShellQuote_QuotesOnlyWhenNeeded(string path, string expected) =>
        Assert.Equal(expected, TryThisBanner.ShellQuote(path));

    [Fact]
    public void FindExampleManifest_SearchesParents()
    {
        using var root = new TempDirectory("up-example");
        var examples = Directory.CreateDirectory(Path.Combine(root.Path, "docs", "examples"));
        File.WriteAllText(Path.Combine(examples.FullName, "nginx-deployment.yaml"), "kind: Deployment\n");
        var nested = Directory.CreateDirectory(Path.Combine(root.Path, "a", "b"));

        Assert.Equal(Path.Combine(examples.FullName, "nginx-deployment.yaml"), TryThisBanner.FindExampleManifest(nested.FullName));
    }

    [Fact]
    public void TryThisBanner_AppliesTheReadmePolicies_WhenTheyAreBesideTheDeployment()
    {
        using var root = new TempDirectory("up-example");
        var deployment = Path.Combine(root.Path, "nginx-deployment.yaml");
        foreach (var file in new[] { deployment, Path.Combine(root.Path, "nginx-propagationpolicy.yaml"), Path.Combine(root.Path, "nginx-overridepolicy.yaml") })
        {
            File.WriteAllText(file, "kind: Placeholder\n");
        }

        var text = TryThisBanner.Build(new UpLayout("/data/karmada"), ["member1", "member2", "member3"], deployment);

        Assert.Contains(
            $"apply -f {deployment} -f {Path.Combine(root.Path, "nginx-propagationpolicy.yaml")} -f {Path.Combine(root.Path, "nginx-overridepolicy.yaml")}",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("kind: PropagationPolicy", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDataDirectory_FollowsXdgOnLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // XDG rules apply on Linux only; elsewhere it is LocalApplicationData.
        }

        Assert.Equal("/xdg/data/karmada", UpLayout.DefaultDataDirectory(name => name == "XDG_DATA_HOME" ? "/xdg/data" : null));

        // A relative XDG_DATA_HOME is invalid per the spec and ignored.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".local", "share", "karmada"), UpLayout.DefaultDataDirectory(name => name == "XDG_DATA_HOME" ? "relative" : null));
    }

    [Fact]
    public async Task PersistedPort_RoundTripsAndIgnoresGarbage()
    {
        using var dir = new TempDirectory("up-port");
        var path = Path.Combine(dir.Path, "member1", "secure-port");

        Assert.Null(await PersistedPort.ReadAsync(path, CancellationToken.None));
        await PersistedPort.WriteAsync(path, 41234, CancellationToken.None);
        Assert.Equal(41234, await PersistedPort.ReadAsync(path, CancellationToken.None));

        await File.WriteAllTextAsync(path, "99999\n");
        Assert.Null(await PersistedPort.ReadAsync(path, CancellationToken.None));
    }

    [Fact]
    public void Validate_RejectsImpossibleFlags()
    {
        Assert.Throws<UpException>(() => new UpOptions { DataDirectory = "/d", Members = -1 }.Validate());
        Assert.Throws<UpException>(() => new UpOptions { DataDirectory = "/d", SecurePort = 0 }.Validate());
        var etcd = Assert.Throws<UpException>(() => new UpOptions
        {
            DataDirectory = "/d",
            Storage = new Karmada.Storage.StorageOptions { Backend = Karmada.Storage.StorageBackend.Etcd },
        }.Validate());
        Assert.Contains("--etcd-servers", etcd.Message, StringComparison.Ordinal);
    }

    private static ClusterV1Alpha1.Cluster Cluster(string endpoint, string name = "member1") => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new ClusterV1Alpha1.ClusterSpec { SyncMode = ClusterV1Alpha1.ClusterSyncMode.Push, ApiEndpoint = endpoint },
    };
}
