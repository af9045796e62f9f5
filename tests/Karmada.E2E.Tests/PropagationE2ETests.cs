using System.Globalization;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// The whole pipeline with the real binary and real kubectl: <c>karmada up</c> with three simulated members, then the
/// README's manifests (a Deployment, a PropagationPolicy splitting it 1:1 over member1 and member2, an OverridePolicy
/// for member2). Template → detector → binding → scheduler → Works → execution in the members → status back.
/// </summary>
[Trait("Category", "E2E")]
[Collection(KarmadaUpCollection.Name)]
public sealed class PropagationE2ETests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dataDir = new("e2e-propagation");

    public void Dispose() => _dataDir.Dispose();

    [Fact]
    public async Task DeploymentWithPolicyAndOverride_SplitsOverMembers_RescalesAndDeletes()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var up = await KarmadaUpProcess.StartUpAsync(TimeSpan.FromSeconds(90), "--members", "3", "--data-dir", _dataDir.Path, "--secure-port", port);
        var karmada = new Kubectl("1.33", Path.Combine(_dataDir.Path, "karmada-apiserver.config"));
        var members = new[] { "member1", "member2", "member3" }.ToDictionary(m => m, m => new Kubectl("1.33", Path.Combine(_dataDir.Path, "members", m + ".config")));

        await karmada.OkAsync("create", "namespace", "demo");
        foreach (var member in members.Values)
        {
            await UntilAsync(async () => (await member.RunAsync("get", "namespace", "demo")).ExitCode == 0, "namespace demo synced to every member", up);
        }

        await karmada.OkAsync("apply", "-f", Example("nginx-deployment.yaml"));
        await karmada.OkAsync("apply", "-f", Example("nginx-propagationpolicy.yaml"));
        await karmada.OkAsync("apply", "-f", Example("nginx-overridepolicy.yaml"));

        await UntilAsync(async () => await ReplicasAsync(members["member1"]) == "2" && await ReplicasAsync(members["member2"]) == "2", "2 + 2 replicas", up);
        Assert.Equal("nginx:1.27", await JsonPathAsync(members["member1"], "{.spec.template.spec.containers[0].image}"));
        Assert.Equal("", await JsonPathAsync(members["member1"], "{.metadata.labels.env}"));
        Assert.Equal("registry.example.com/nginx:1.27", await JsonPathAsync(members["member2"], "{.spec.template.spec.containers[0].image}"));
        Assert.Equal("member2", await JsonPathAsync(members["member2"], "{.metadata.labels.env}"));
        Assert.Contains("NotFound", (await members["member3"].RunAsync("-n", "demo", "get", "deployment", "nginx")).StandardError, StringComparison.Ordinal);

        // Status comes back onto the template: the members' ready replicas summed, and rollout status agrees.
        await UntilAsync(async () => await JsonPathAsync(karmada, "{.status.readyReplicas}") == "4", "template readyReplicas 4", up);
        var rollout = await karmada.RunAsync(["-n", "demo", "rollout", "status", "deployment/nginx", "--timeout=60s"], null, null, TimeSpan.FromSeconds(70));
        Assert.True(rollout.ExitCode == 0, rollout.ToString());
        var rb = await karmada.OkAsync("-n", "demo", "get", "resourcebinding", "nginx-deployment", "-o", "jsonpath={.status.conditions[?(@.type=='Scheduled')].status} {.status.conditions[?(@.type=='FullyApplied')].status}");
        Assert.Equal("True True", rb.Trim());

        await karmada.OkAsync("-n", "demo", "scale", "deployment", "nginx", "--replicas", "6");
        await UntilAsync(async () => await ReplicasAsync(members["member1"]) == "3" && await ReplicasAsync(members["member2"]) == "3", "3 + 3 replicas after scaling to 6", up);
        await UntilAsync(async () => await JsonPathAsync(karmada, "{.status.readyReplicas}") == "6", "template readyReplicas 6", up);

        await karmada.OkAsync("-n", "demo", "delete", "deployment", "nginx");
        foreach (var name in new[] { "member1", "member2" })
        {
            await UntilAsync(
                async () => (await members[name].RunAsync("-n", "demo", "get", "deployment", "nginx")).StandardError.Contains("NotFound", StringComparison.Ordinal),
                $"nginx gone from {name}",
                up);
        }
    }

    private static string Example(string file) => Path.Combine(AppContext.BaseDirectory, "examples", file);

    private static async Task<string> ReplicasAsync(Kubectl member)
    {
        var result = await member.RunAsync("-n", "demo", "get", "deployment", "nginx", "-o", "jsonpath={.spec.replicas}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : "";
    }

    private static async Task<string> JsonPathAsync(Kubectl kubectl, string template) =>
        (await kubectl.OkAsync("-n", "demo", "get", "deployment", "nginx", "-o", $"jsonpath={template}")).Trim();

    private static async Task UntilAsync(Func<Task<bool>> condition, string because, KarmadaUpProcess up)
    {
        try
        {
            await Eventually.UntilAsync(condition, Deadline, because);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; karmada up output:\n{up.Output}", ex);
        }
    }
}
