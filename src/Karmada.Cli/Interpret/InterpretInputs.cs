using System.Text.Json.Nodes;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Cli.Interpret;

/// <summary>What <c>karmadactl interpret</c> runs an operation on (upstream <c>ruleArgs</c>).</summary>
/// <param name="Desired">The manifest given with <c>-f</c>.</param>
/// <param name="Observed">The member's object given with <c>--observed-file</c>.</param>
/// <param name="Status">The member statuses given with <c>--status-file</c>.</param>
/// <param name="DesiredReplica">The replicas given with <c>--desired-replica</c>.</param>
public sealed record InterpretInputs(JsonObject? Desired, JsonObject? Observed, IReadOnlyList<AggregatedStatusItem> Status, long DesiredReplica);
