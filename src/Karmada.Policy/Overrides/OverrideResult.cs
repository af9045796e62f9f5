using System.Text.Json.Nodes;

namespace Karmada.Policy.Overrides;

/// <summary>The outcome of applying override policies to a resource for one cluster.</summary>
/// <param name="Object">The overridden copy of the resource.</param>
/// <param name="AppliedClusterOverrides">The ClusterOverridePolicy rules applied, or null when none.</param>
/// <param name="AppliedOverrides">The OverridePolicy rules applied, or null when none.</param>
public sealed record OverrideResult(JsonObject Object, AppliedOverrides? AppliedClusterOverrides, AppliedOverrides? AppliedOverrides);
