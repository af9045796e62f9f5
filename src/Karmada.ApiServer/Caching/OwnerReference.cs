namespace Karmada.ApiServer.Caching;

/// <summary>The parts of <c>metadata.ownerReferences[]</c> the garbage collector needs.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid, bool Controller, bool BlockOwnerDeletion);
