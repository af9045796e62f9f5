using System.Text.Json.Nodes;

namespace Karmada.Cli.Get;

/// <summary>One cluster's answer to a Table request.</summary>
/// <param name="Cluster">The member cluster's name, or <c>Karmada</c> for the control plane.</param>
/// <param name="Table">The <c>meta.k8s.io/v1 Table</c> it returned.</param>
/// <param name="IsControlPlane">The control plane's own objects: their ADOPTION is <c>-</c>, as upstream prints.</param>
public sealed record ClusterTable(string Cluster, JsonObject Table, bool IsControlPlane = false);
