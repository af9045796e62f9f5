using System.Text.Json.Nodes;

namespace Karmada.Cli.Get;

/// <summary>One member's answer to a Table request.</summary>
/// <param name="Cluster">The member cluster's name.</param>
/// <param name="Table">The <c>meta.k8s.io/v1 Table</c> it returned.</param>
public sealed record ClusterTable(string Cluster, JsonObject Table);
