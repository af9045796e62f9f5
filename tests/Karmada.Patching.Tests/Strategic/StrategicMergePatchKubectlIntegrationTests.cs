using System.Text.Json.Nodes;
using Karmada.Patching.Strategic;
using Karmada.Testing;

namespace Karmada.Patching.Tests.Strategic;

/// <summary>
/// Differential test against the real kubectl 1.33, whose <c>patch --local --type strategic</c> runs the same
/// apimachinery strategic merge patch as kube-apiserver, over seeded random pod patches mixing merge keys,
/// <c>$patch</c>, <c>$setElementOrder</c> and <c>$deleteFromPrimitiveList</c>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StrategicMergePatchKubectlIntegrationTests
{
    private static readonly string[] Names = ["a", "b", "c", "d", "e"];
    private static readonly string[] EnvNames = ["A", "B", "C", "D"];
    private static readonly string[] Finalizers = ["f1", "f2", "f3", "f4"];

    [Fact]
    public async Task Apply_RandomPodPatches_MatchKubectl()
    {
        using var directory = new TempDirectory("smp-kubectl");
        var kubeconfig = Path.Combine(directory.Path, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, "");
        var kubectl = new Kubectl("1.33", kubeconfig);
        var random = new Random(20261128);
        var compared = 0;
        for (var i = 0; i < 40; i++)
        {
            var (pod, patch) = RandomCase(random);
            var file = Path.Combine(directory.Path, $"pod{i}.json");
            await File.WriteAllTextAsync(file, pod.ToJsonString());
            var upstream = await kubectl.RunAsync("patch", "--local", "-f", file, "--type", "strategic", "-p", patch.ToJsonString(), "-o", "json");

            JsonObject? ours;
            try
            {
                ours = StrategicMergePatch.Apply(pod, patch, StrategicMergePatchTests.MetaFor("v1/Pod"));
            }
            catch (PatchException)
            {
                ours = null;
            }

            if (upstream.ExitCode != 0)
            {
                // Upstream fails on $setElementOrder over two empty lists; this implementation keeps the list empty.
                if (!upstream.StandardError.Contains("no elements in any of the given slices", StringComparison.Ordinal))
                {
                    Assert.True(ours is null, $"kubectl failed ({upstream.StandardError.Trim()}) but the patch applied: {pod.ToJsonString()} + {patch.ToJsonString()}");
                }

                continue;
            }

            Assert.True(ours is not null, $"kubectl applied {patch.ToJsonString()} to {pod.ToJsonString()} but this implementation failed");
            var expected = AsDecoded(JsonNode.Parse(upstream.StandardOutput));
            Assert.True(
                JsonNode.DeepEquals(expected, ours),
                $"pod {pod.ToJsonString()}\npatch {patch.ToJsonString()}\nkubectl {expected?.ToJsonString()}\nours {ours.ToJsonString()}");
            compared++;
        }

        Assert.True(compared > 20, $"only {compared} cases were comparable");
    }

    // kubectl prints the raw patch result; the API server decodes it into the Go type, which drops nulls and
    // directive keys. This implementation returns the decoded form.
    private static JsonNode? AsDecoded(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null && !key.StartsWith('$'))
                    {
                        result[key] = AsDecoded(value);
                    }
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(AsDecoded)]);
            default:
                return node?.DeepClone();
        }
    }

    private static (JsonObject Pod, JsonObject Patch) RandomCase(Random random)
    {
        // Power-of-two list lengths: kubectl decodes the file into Go slices whose capacity then equals their
        // length, as the API server's are, so slot reuse during ordering matches.
        var live = Pick(random, Names, random.GetItems([0, 1, 2, 4], 1)[0]).Select(n => LiveContainer(random, n));
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "p", ["finalizers"] = new JsonArray([.. Pick(random, Finalizers, random.GetItems([1, 2, 4], 1)[0]).Select(f => (JsonNode)f)]) },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray([.. live]) },
        };

        var spec = new JsonObject();
        var patched = Pick(random, Names, random.Next(0, 4));
        spec["containers"] = new JsonArray([.. patched.Select(n => PatchContainer(random, n))]);
        if (random.NextDouble() < 0.4)
        {
            var order = Pick(random, Names, random.Next(0, 6)).ToList();
            order.AddRange(patched.Where(n => !order.Contains(n)));
            spec["$setElementOrder/containers"] = new JsonArray([.. order.Select(n => (JsonNode)new JsonObject { ["name"] = n })]);
        }

        var patch = new JsonObject { ["spec"] = spec };
        if (random.NextDouble() < 0.5)
        {
            var metadata = new JsonObject();
            var choice = random.NextDouble();
            if (choice < 0.3)
            {
                metadata["finalizers"] = Strings(Pick(random, ["f1", "f2", "f5"], random.Next(0, 4)));
            }
            else if (choice < 0.6)
            {
                metadata["$deleteFromPrimitiveList/finalizers"] = Strings(Pick(random, Finalizers, random.Next(1, 3)));
            }
            else
            {
                var order = Pick(random, ["f1", "f2", "f3", "f4", "f5"], random.Next(0, 6));
                metadata["$setElementOrder/finalizers"] = Strings(order);
                metadata["finalizers"] = Strings(order.Where(_ => random.NextDouble() < 0.5).ToArray());
            }

            patch["metadata"] = metadata;
        }

        return (pod, patch);
    }

    private static JsonObject LiveContainer(Random random, string name)
    {
        var container = new JsonObject { ["name"] = name, ["image"] = random.GetItems(["x", "y"], 1)[0] };
        if (random.NextDouble() < 0.6)
        {
            container["env"] = new JsonArray([.. Pick(random, EnvNames, random.GetItems([1, 2, 4], 1)[0])
                .Select(e => (JsonNode)new JsonObject { ["name"] = e, ["value"] = "1" })]);
        }

        return container;
    }

    private static JsonObject PatchContainer(Random random, string name)
    {
        if (random.NextDouble() < 0.15)
        {
            return new JsonObject { ["name"] = name, ["$patch"] = "delete" };
        }

        var container = new JsonObject { ["name"] = name };
        if (random.NextDouble() < 0.6)
        {
            container["image"] = random.GetItems(["x", "z"], 1)[0];
        }

        if (random.NextDouble() < 0.5)
        {
            var env = Pick(random, EnvNames, random.Next(1, 4));
            container["env"] = new JsonArray([.. env.Select(e => (JsonNode)(random.NextDouble() < 0.2
                ? new JsonObject { ["name"] = e, ["$patch"] = "delete" }
                : new JsonObject { ["name"] = e, ["value"] = "2" }))]);
            if (random.NextDouble() < 0.4)
            {
                container["$setElementOrder/env"] = new JsonArray([.. Pick(random, EnvNames, 4).Select(e => (JsonNode)new JsonObject { ["name"] = e })]);
            }
        }

        return container;
    }

    private static string[] Pick(Random random, string[] from, int count)
    {
        var copy = from.ToArray();
        random.Shuffle(copy);
        return copy[..Math.Min(count, copy.Length)];
    }

    private static JsonArray Strings(string[] values) => new([.. values.Select(v => (JsonNode)v)]);
}
