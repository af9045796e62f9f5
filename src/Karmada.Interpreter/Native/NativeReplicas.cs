using System.Text.Json.Nodes;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Built-in InterpretReplica and ReviseReplica (upstream <c>replica.go</c>, <c>revisereplica.go</c>): Deployment,
/// ReplicaSet and StatefulSet use <c>spec.replicas</c>; a Job runs <c>min(parallelism, completions)</c> pods at once
/// and is revised through <c>spec.parallelism</c>; a Pod is one replica.
/// </summary>
internal static class NativeReplicas
{
    public static readonly IReadOnlySet<GroupVersionKind> ReplicaKinds = new HashSet<GroupVersionKind>
    {
        NativeKinds.Deployment, NativeKinds.ReplicaSet, NativeKinds.StatefulSet, NativeKinds.Job, NativeKinds.Pod,
    };

    public static readonly IReadOnlySet<GroupVersionKind> ReviseKinds = new HashSet<GroupVersionKind>
    {
        NativeKinds.Deployment, NativeKinds.ReplicaSet, NativeKinds.StatefulSet, NativeKinds.Job,
    };

    public static ReplicaResult GetReplicas(JsonObject obj)
    {
        var kind = GroupVersionKind.Of(obj);
        if (kind == NativeKinds.Pod)
        {
            return new ReplicaResult(1, ReplicaRequirementsBuilder.Generate(Unstructured.GetObject(obj, "spec")));
        }

        var requirements = ReplicaRequirementsBuilder.Generate(Unstructured.GetObject(obj, "spec", "template", "spec"));
        if (kind == NativeKinds.Job)
        {
            // kube-apiserver defaults parallelism to 1; a fixed completion count caps the pods running at once.
            var parallelism = ToInt32(Unstructured.GetInt(obj, "spec", "parallelism") ?? 0);
            var completions = ToInt32(Unstructured.GetInt(obj, "spec", "completions") ?? parallelism);
            return new ReplicaResult(Math.Min(parallelism, completions), requirements);
        }

        return new ReplicaResult(ToInt32(Unstructured.GetInt(obj, "spec", "replicas") ?? 0), requirements);
    }

    public static JsonObject ReviseReplica(JsonObject obj, long replicas)
    {
        if (GroupVersionKind.Of(obj) == NativeKinds.Job)
        {
            // Only a Job that states its parallelism is revised.
            if (Unstructured.GetInt(obj, "spec", "parallelism") is not null)
            {
                Unstructured.Set(obj, Unstructured.Int(replicas), "spec", "parallelism");
            }

            return obj;
        }

        Unstructured.Set(obj, Unstructured.Int(replicas), "spec", "replicas");
        return obj;
    }

    private static int ToInt32(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new InterpreterException($"value {value} does not fit in int32");
}
