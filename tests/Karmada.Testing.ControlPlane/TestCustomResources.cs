using System.Text.Json.Nodes;

namespace Karmada.Testing.ControlPlane;

/// <summary>A small CustomResourceDefinition for tests that install a new API: <c>widgets.example.io</c>, v1, namespaced.</summary>
public static class TestCustomResources
{
    /// <summary>The Widget definition (any fields kept), a fresh copy per call.</summary>
    public static JsonObject WidgetDefinition() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.io"},
         "spec":{"group":"example.io","scope":"Namespaced",
           "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList"},
           "versions":[{"name":"v1","served":true,"storage":true,
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
        """)!.AsObject();
}
