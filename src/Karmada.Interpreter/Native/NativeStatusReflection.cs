using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Built-in InterpretStatus (upstream <c>reflectstatus.go</c>): the part of a member object's status Karmada
/// collects. Replica workloads report their counters wrapped with the member's <c>generation</c> and the
/// <c>resourceTemplateGeneration</c> it was built from (annotation <c>resourcetemplate.karmada.io/generation</c>),
/// which AggregateStatus needs for <c>observedGeneration</c>. Kinds without a handler report their whole status.
/// </summary>
public static class NativeStatusReflection
{
    internal static readonly IReadOnlyDictionary<GroupVersionKind, Func<JsonObject, JsonObject?>> Handlers = new Dictionary<GroupVersionKind, Func<JsonObject, JsonObject?>>
    {
        [NativeKinds.Deployment] = ReflectDeployment,
        [NativeKinds.ReplicaSet] = obj => Wrapped(obj, ["fullyLabeledReplicas", "readyReplicas", "availableReplicas", "observedGeneration"], ["replicas"]),
        [NativeKinds.StatefulSet] = obj => Wrapped(obj, ["observedGeneration", "readyReplicas", "currentReplicas", "updatedReplicas"], ["replicas", "availableReplicas"]),
        [NativeKinds.DaemonSet] = obj => Wrapped(obj, ["observedGeneration", "updatedNumberScheduled", "numberAvailable", "numberUnavailable"], ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"]),
        [NativeKinds.Service] = ReflectService,
        [NativeKinds.Ingress] = ReflectWholeStatus,
        [NativeKinds.Job] = obj => Pick(obj, ["conditions", "startTime", "completionTime", "active", "succeeded", "failed"], []),
        [NativeKinds.PodDisruptionBudget] = obj => Pick(obj, ["disruptedPods"], ["disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"]),
        [NativeKinds.HorizontalPodAutoscaler] = obj => Pick(obj, ["currentReplicas"], ["desiredReplicas"]),
    };

    /// <summary>The object's whole <c>.status</c>, or null when it has none (the fallback for every other kind).</summary>
    public static JsonObject? ReflectWholeStatus(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Unstructured.GetObject(obj, "status")?.DeepClone().AsObject();
    }

    /// <summary>The resource template generation a member object was built from; 0 with no annotation is an error upstream.</summary>
    internal static long ResourceTemplateGeneration(JsonObject obj)
    {
        var text = Unstructured.GetString(obj, "metadata", "annotations", WellKnownAnnotations.ResourceTemplateGeneration) ?? "";
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InterpreterException($"failed to parse {Unstructured.Namespace(obj)}/{Unstructured.Name(obj)} generation from annotation({WellKnownAnnotations.ResourceTemplateGeneration}:{text})");
    }

    // Upstream's wrapped counters plus the Available/Progressing conditions, which AggregateStatus folds for kubectl wait.
    private static JsonObject? ReflectDeployment(JsonObject obj)
    {
        var result = Wrapped(obj, ["observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"], []);
        if (result is not null && DeploymentConditionAggregation.Reflect(Unstructured.GetObject(obj, "status")) is { } conditions)
        {
            result["conditions"] = conditions;
        }

        return result;
    }

    // The wrapped status: generation fields first, then the picked counters; omitEmpty fields drop their zero values.
    private static JsonObject? Wrapped(JsonObject obj, string[] omitEmpty, string[] always)
    {
        var status = Unstructured.GetObject(obj, "status");
        if (status is null)
        {
            return null;
        }

        var generation = ResourceTemplateGeneration(obj);
        var result = new JsonObject();
        Unstructured.SetInt(result, "generation", Unstructured.Generation(obj));
        Unstructured.SetInt(result, "resourceTemplateGeneration", generation);
        foreach (var field in always)
        {
            result[field] = Unstructured.Int(Unstructured.GetInt(status, field) ?? 0);
        }

        foreach (var field in omitEmpty)
        {
            Unstructured.SetInt(result, field, Unstructured.GetInt(status, field) ?? 0);
        }

        return result.Count == 0 ? null : result;
    }

    private static JsonObject? ReflectService(JsonObject obj)
    {
        if (Unstructured.GetString(obj, "spec", "type") != "LoadBalancer")
        {
            return null;
        }

        var status = Unstructured.GetObject(obj, "status");
        if (status is null)
        {
            return null;
        }

        return new JsonObject { ["loadBalancer"] = Unstructured.GetObject(status, "loadBalancer")?.DeepClone() ?? new JsonObject() };
    }

    // Copies the fields when present; the always-written integer fields (no omitempty upstream) default to 0.
    private static JsonObject? Pick(JsonObject obj, string[] fields, string[] alwaysInts)
    {
        var status = Unstructured.GetObject(obj, "status");
        if (status is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var field in fields)
        {
            if (status[field] is { } value)
            {
                result[field] = value.DeepClone();
            }
        }

        foreach (var field in alwaysInts)
        {
            result[field] = Unstructured.Int(Unstructured.GetInt(status, field) ?? 0);
        }

        return result;
    }
}
