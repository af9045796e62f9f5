using System.Text.Json.Nodes;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Dependencies;

/// <summary>An independent binding asking to be recorded on the attached binding of one of its dependencies.</summary>
/// <param name="Dependency">The dependency object (ConfigMap, Secret…) as read, with its type meta.</param>
/// <param name="Independent">The independent binding as this reconcile saw it.</param>
public sealed record AttachRequest(JsonObject Dependency, ResourceBinding Independent);
