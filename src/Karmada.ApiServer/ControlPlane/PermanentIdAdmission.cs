using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.ApiServer.Admission;

namespace Karmada.ApiServer.ControlPlane;

/// <summary>
/// Karmada's mutating webhooks for identities: a permanent-id label (a UUID that survives backup and restore,
/// unlike <c>metadata.uid</c>) on policies, bindings and Works, and the policy finalizers that let the detector
/// clean up claims before a policy goes.
/// </summary>
public sealed class PermanentIdAdmission : IAdmissionPlugin
{
    private static readonly Dictionary<(string Group, string Kind), (string Label, string? Finalizer)> Rules = new()
    {
        [("policy.karmada.io", "PropagationPolicy")] = (WellKnownLabels.PropagationPolicyPermanentId, WellKnownFinalizers.PropagationPolicyController),
        [("policy.karmada.io", "ClusterPropagationPolicy")] = (WellKnownLabels.ClusterPropagationPolicyPermanentId, WellKnownFinalizers.ClusterPropagationPolicyController),
        [("work.karmada.io", "ResourceBinding")] = (WellKnownLabels.ResourceBindingPermanentId, null),
        [("work.karmada.io", "ClusterResourceBinding")] = (WellKnownLabels.ClusterResourceBindingPermanentId, null),
        [("work.karmada.io", "Work")] = (WellKnownLabels.WorkPermanentId, null),
    };

    public bool IsMutating => true;

    public bool Handles(AdmissionRequest request) =>
        request.Operation != AdmissionOperation.Delete && request.Subresource.Length == 0 && Rules.ContainsKey((request.Resource.Group, request.Resource.Kind));

    public ValueTask AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var (label, finalizer) = Rules[(request.Resource.Group, request.Resource.Kind)];
        var metadata = request.Object!["metadata"]!.AsObject();
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        var previous = (string?)request.OldObject?["metadata"]?["labels"]?[label];
        if (previous is not null)
        {
            // Immutable once assigned.
            labels[label] = previous;
        }
        else if (string.IsNullOrEmpty((string?)labels[label]))
        {
            labels[label] = Guid.NewGuid().ToString();
        }

        if (finalizer is not null && request.Operation == AdmissionOperation.Create)
        {
            var finalizers = metadata["finalizers"] as JsonArray ?? [];
            if (!finalizers.Any(f => (string?)f == finalizer))
            {
                finalizers.Add(finalizer);
            }

            metadata["finalizers"] = finalizers;
        }

        return ValueTask.CompletedTask;
    }
}
