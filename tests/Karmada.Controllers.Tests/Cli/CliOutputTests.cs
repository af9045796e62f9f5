using System.Text.Json.Nodes;
using Karmada.Cli;
using Karmada.Cli.Completion;
using Karmada.Cli.Describe;
using Karmada.Cli.Output;
using Karmada.Cli.Top;
using Karmada.Cli.Versions;

namespace Karmada.Controllers.Tests.Cli;

public sealed class CliOutputTests
{
    [Fact]
    public void ClusterUsage_AllocatedOverAllocatable_InKubectlTopUnits()
    {
        var clusters = PlacementSimulatorTests.Clusters("member1");
        var noSummary = PlacementSimulatorTests.Clusters("member2")[0];
        noSummary.Status.ResourceSummary = null;

        var rows = ClusterUsage.Rows([clusters[0], noSummary]);

        Assert.Equal(["member1", "1500m", "37%", "2048Mi", "25%", "4000m", "8192Mi"], rows[0]);
        Assert.Equal("<unknown>", rows[1][1]);
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(200, "3m20s")]
    [InlineData(3600, "60m")]
    [InlineData(5 * 3600 + 720, "5h12m")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(30 * 86400, "30d")]
    public void HumanDuration_MatchesKubectl(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void CompletionScript_Bash_ListsCommandsAndOptionsPerLevel()
    {
        var script = CompletionScript.Bash(KarmadactlCommand.Build(TimeProvider.System), "karmadactl");

        Assert.Contains("complete -o default -F _karmadactl karmadactl", script, StringComparison.Ordinal);
        var root = script.Split('\n').Single(l => l.TrimStart().StartsWith("\"\") words=", StringComparison.Ordinal)).Split('"')[3].Split(' ');
        foreach (var command in new[] { "get", "describe", "apply", "promote", "interpret", "simulate", "top", "version", "join", "completion", "--kubeconfig" })
        {
            Assert.Contains(command, root);
        }

        Assert.Contains("\"top/cluster\") words=", script, StringComparison.Ordinal);
        Assert.Contains("--all-namespaces", script.Split('\n').Single(l => l.TrimStart().StartsWith("\"get\") words=", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("#compdef karmadactl\n", CompletionScript.Zsh(KarmadactlCommand.Build(TimeProvider.System), "karmadactl"), StringComparison.Ordinal);
    }

    [Fact]
    public void Version_Render_KubectlLines()
    {
        var versions = new JsonObject
        {
            ["clientVersion"] = ClientVersion.Info(),
            ["serverVersion"] = new JsonObject { ["gitVersion"] = "v1.31.0-karmada.net" },
        };

        var text = VersionCommand.Render(versions, OutputFormat.Table);

        Assert.Matches(@"^Client Version: v\d+\.\d+\.\d+.*\nServer Version: v1\.31\.0-karmada\.net\n$", text);
        Assert.Contains("gitVersion: v1.31.0-karmada.net", VersionCommand.Render(versions, OutputFormat.Yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectDescriber_DumpsObjectAndMatchingEvents()
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "nginx", ["namespace"] = "demo", ["uid"] = "u1", ["labels"] = new JsonObject { ["karmada.io/managed"] = "true" } },
            ["spec"] = new JsonObject { ["replicas"] = 2 },
        };
        var now = DateTimeOffset.Parse("2026-01-01T00:10:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var mine = Event("Deployment", "nginx", "u1", "ScalingReplicaSet", "2026-01-01T00:05:00Z");
        var other = Event("Deployment", "web", "u2", "ScalingReplicaSet", "2026-01-01T00:05:00Z");

        Assert.True(ObjectDescriber.IsAbout(mine, obj));
        Assert.False(ObjectDescriber.IsAbout(other, obj));
        var text = ObjectDescriber.Describe("member1", obj, [mine], now);

        Assert.Contains("Cluster:      member1\n", text, StringComparison.Ordinal);
        Assert.Contains("Adoption:     Y (managed by Karmada)\n", text, StringComparison.Ordinal);
        Assert.Contains("    replicas: 2\n", text, StringComparison.Ordinal);
        Assert.Matches(@"Events:\n  Type\s+Reason\s+Age\s+From\s+Message\n  Normal\s+ScalingReplicaSet\s+5m\s+deployment-controller\s+scaled", text);
        Assert.Contains("Events:  <none>", ObjectDescriber.Describe("member1", obj, [], now), StringComparison.Ordinal);
    }

    [Fact]
    public void OutputFormats_Parse_RejectsUnsupported()
    {
        Assert.Equal(OutputFormat.Wide, OutputFormats.Parse("wide", OutputFormat.Wide, OutputFormat.Yaml));
        Assert.Equal(OutputFormat.Table, OutputFormats.Parse(null, OutputFormat.Yaml));
        Assert.Throws<CliException>(() => OutputFormats.Parse("wide", OutputFormat.Yaml, OutputFormat.Json));
    }

    private static JsonObject Event(string kind, string name, string uid, string reason, string at) => new()
    {
        ["type"] = "Normal",
        ["reason"] = reason,
        ["message"] = "scaled",
        ["lastTimestamp"] = at,
        ["source"] = new JsonObject { ["component"] = "deployment-controller" },
        ["involvedObject"] = new JsonObject { ["kind"] = kind, ["name"] = name, ["uid"] = uid },
    };
}
