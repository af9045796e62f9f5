using System.Text;
using System.Text.Json.Nodes;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>Builds the ~3 KB ConfigMaps the workload writes, and the equally sized raw values for the store baselines.</summary>
public static class ConfigMapFactory
{
    private static readonly string Payload = BuildPayload(2_800);

    public static JsonObject Create(string @namespace, string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = @namespace,
            ["labels"] = new JsonObject { ["app"] = "bench", ["bench.karmada.io/workload"] = "apiserver" },
            ["annotations"] = new JsonObject { ["bench.karmada.io/purpose"] = "storage and serving throughput" },
        },
        ["data"] = new JsonObject
        {
            ["payload"] = Payload,
            ["counter"] = "0",
        },
    };

    /// <summary>
    /// The bytes a stored ConfigMap occupies (the object as the server would persist it, with uid, timestamp and
    /// managed fields approximated), so raw baselines write values of the same size.
    /// </summary>
    public static byte[] RawValue()
    {
        var obj = Create("bench-raw", "obj-000000");
        var metadata = obj["metadata"]!.AsObject();
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = "2026-11-28T00:00:00Z";
        return Encoding.UTF8.GetBytes(obj.ToJsonString());
    }

    private static string BuildPayload(int length)
    {
        var builder = new StringBuilder(length);
        var random = new Random(42);
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ";
        while (builder.Length < length)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }
}
