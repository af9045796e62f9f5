namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// A field the applied configuration would change that another manager owns. The API server turns each into a
/// <c>Status</c> cause with reason <c>FieldManagerConflict</c>, <see cref="Message"/> and <see cref="Field"/>.
/// </summary>
/// <param name="Manager">The owning manager.</param>
/// <param name="Operation"><c>Apply</c> or <c>Update</c>.</param>
/// <param name="ApiVersion">The version an <c>Update</c> owner wrote at; <see langword="null"/> for appliers.</param>
/// <param name="Subresource">The subresource the owner wrote through, if any.</param>
/// <param name="Field">The path as upstream prints it, e.g. <c>.spec.replicas</c> or <c>.spec.containers[name="web"].image</c>.</param>
/// <param name="Message">Upstream's cause message, e.g. <c>conflict with "kubectl-client-side-apply" using apps/v1</c>.</param>
public sealed record FieldConflict(string Manager, string Operation, string? ApiVersion, string? Subresource, string Field, string Message);
