namespace Karmada.Patching.ServerSideApply;

/// <summary>The fields one manager owns, at the API version it wrote them, and when it last changed the object.</summary>
internal sealed record ManagedEntry(FieldSet Fields, string ApiVersion, DateTimeOffset? Time);
