using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Interpreter;

/// <summary>The outcome of <c>GetReplicas</c>: the desired replica count and what each replica needs.</summary>
/// <param name="Replicas">The desired replicas.</param>
/// <param name="Requirements">Node claim and summed resource requests of one replica; null when the pod template states none.</param>
public sealed record ReplicaResult(int Replicas, ReplicaRequirements? Requirements);
