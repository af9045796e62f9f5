using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Cli;
using Karmada.Cli.Interpret;
using Karmada.Cli.Manifests;
using Karmada.Interpreter;

namespace Karmada.Controllers.Tests.Cli;

public sealed class InterpretRunnerTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx
          namespace: demo
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              serviceAccountName: builder
              containers:
                - name: nginx
                  image: nginx:1.27
                  resources:
                    requests:
                      cpu: 250m
                  envFrom:
                    - configMapRef:
                        name: nginx-config
        """;

    private static readonly ResourceInterpreter Interpreter = ResourceInterpreter.CreateDefault();

    [Fact]
    public void InterpretReplica_Deployment_PrintsReplicaAndRequires()
    {
        var results = InterpretRunner.Run(Interpreter, InterpreterOperation.InterpretReplica, Inputs(desired: Manifest()));

        Assert.Equal(["replica", "requires"], results.Select(r => r.Key));
        Assert.Equal(4, results[0].Value!.GetValue<int>());
        Assert.Equal("250m", (string?)results[1].Value!["resourceRequest"]!["cpu"]);
        var text = InterpretRunner.Render(results);
        Assert.StartsWith("---\n# [1/2] replica:\n4\n---\n# [2/2] requires:\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviseReplica_SetsSpecReplicas()
    {
        var results = InterpretRunner.Run(Interpreter, InterpreterOperation.ReviseReplica, Inputs(desired: Manifest(), replica: 7));

        Assert.Equal("revised", Assert.Single(results).Key);
        Assert.Equal(7, (int?)results[0].Value!["spec"]!["replicas"]);
    }

    [Fact]
    public void AggregateStatus_SumsMemberStatuses()
    {
        var items = new List<AggregatedStatusItem>
        {
            new() { ClusterName = "member1", Applied = true, Status = new JsonObject { ["replicas"] = 2, ["readyReplicas"] = 2 } },
            new() { ClusterName = "member2", Applied = true, Status = new JsonObject { ["replicas"] = 2, ["readyReplicas"] = 1 } },
        };

        var results = InterpretRunner.Run(Interpreter, InterpreterOperation.AggregateStatus, Inputs(desired: Manifest(), status: items));

        Assert.Equal(3, (int?)Assert.Single(results).Value!["status"]!["readyReplicas"]);
    }

    [Fact]
    public void InterpretDependency_ListsConfigMapAndServiceAccount()
    {
        var results = InterpretRunner.Run(Interpreter, InterpreterOperation.InterpretDependency, Inputs(desired: Manifest()));

        var dependencies = Assert.IsType<JsonArray>(Assert.Single(results).Value);
        Assert.Contains(dependencies, d => (string?)d!["kind"] == "ConfigMap" && (string?)d["name"] == "nginx-config");
        Assert.Contains(dependencies, d => (string?)d!["kind"] == "ServiceAccount" && (string?)d["name"] == "builder");
    }

    [Fact]
    public void Retain_WithoutObserved_SaysWhatIsMissing()
    {
        var error = Assert.Throws<CliException>(() => InterpretRunner.Run(Interpreter, InterpreterOperation.Retain, Inputs(desired: Manifest())));
        Assert.Contains("--observed-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InterpretReplica_KindWithoutReplicas_IsNotEnabled()
    {
        var configMap = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "c" } };

        var error = Assert.Throws<CliException>(() => InterpretRunner.Run(Interpreter, InterpreterOperation.InterpretReplica, Inputs(desired: configMap)));
        Assert.Contains("interpretReplica", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retain", InterpreterOperation.Retain)]
    [InlineData("interpretReplica", InterpreterOperation.InterpretReplica)]
    [InlineData("InterpretHealth", InterpreterOperation.InterpretHealth)]
    public void ParseOperation_UpstreamSpellings(string text, InterpreterOperation expected) =>
        Assert.Equal(expected, InterpretRunner.ParseOperation(text));

    [Fact]
    public void ParseOperation_Unknown_ListsTheValidOnes()
    {
        var error = Assert.Throws<CliException>(() => InterpretRunner.ParseOperation("prune"));
        Assert.Contains("reviseReplica", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Manifest() => Assert.Single(ManifestReader.Parse(Deployment, "deployment"));

    private static InterpretInputs Inputs(JsonObject? desired = null, JsonObject? observed = null, List<AggregatedStatusItem>? status = null, long replica = 0) =>
        new(desired, observed, status ?? [], replica);
}
