using System.Text.Json.Nodes;

namespace Karmada.Controllers.Execution;

/// <summary>The decision for one manifest: the action, the object to write (Create/Update), or why not (Conflict).</summary>
public sealed record ApplyPlan(ApplyAction Action, JsonObject? Object = null, string? Message = null);
