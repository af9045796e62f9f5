using System.Text.Json.Nodes;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.OpenApi;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Tests.OpenApi;

/// <summary>The components the registry hands out are copies that later additions to the generator leave alone.</summary>
public sealed class SchemaRegistryTests
{
    private const string GroupVersionKind = "x-kubernetes-group-version-kind";

    private static readonly ResourceDefinition Bindings =
        KarmadaResourceDefinitions.All.Single(kind => kind.Kind == "ResourceBinding");

    [Fact]
    public void AReturnedComponentIsNotModifiedByLaterAdditions()
    {
        var schemas = new SchemaRegistry();
        var (name, component) = schemas.ComponentFor(Bindings)!.Value;
        var returned = component.ToJsonString();

        // The same model served as another version marks the same component again, with another version.
        var (otherName, other) = schemas.ComponentFor(Served(Bindings, "v1alpha3"))!.Value;
        schemas.Warm();

        Assert.Equal(returned, component.ToJsonString());
        Assert.Equal(name, otherName);
        Assert.Equal("v1alpha2", (string?)component[GroupVersionKind]![0]!["version"]);
        Assert.Equal("v1alpha3", (string?)other[GroupVersionKind]![0]!["version"]);
    }

    [Fact]
    public void AComponentsSnapshotIsNotModifiedByLaterAdditions()
    {
        var schemas = new SchemaRegistry();
        _ = schemas.StructuralFor(Bindings);
        var early = schemas.KarmadaComponents;
        var returned = Text(early);

        schemas.Warm();

        Assert.Equal(returned, Text(early));
        Assert.True(schemas.KarmadaComponents.Count > early.Count);
    }

    [Fact]
    public void ComponentsCarryTheMarkOfAKindAddedAfterItsStructuralSchema()
    {
        var schemas = new SchemaRegistry();
        _ = schemas.StructuralFor(Bindings);
        var name = Bindings.ModelType!.FullName!;
        var unmarked = schemas.KarmadaComponents;

        var (markedName, marked) = schemas.ComponentFor(Bindings)!.Value;

        Assert.Equal(name, markedName);
        Assert.Null(unmarked[name][GroupVersionKind]);
        Assert.Equal("ResourceBinding", (string?)marked[GroupVersionKind]![0]!["kind"]);
        Assert.True(JsonNode.DeepEquals(marked, schemas.KarmadaComponents[name]));
    }

    [Fact]
    public void ThePublishedCopyIsReusedWhileNothingChanges()
    {
        var schemas = new SchemaRegistry();
        schemas.Warm();
        var components = schemas.KarmadaComponents;
        var (_, component) = schemas.ComponentFor(Bindings)!.Value;

        _ = schemas.StructuralFor(Bindings);
        var (_, again) = schemas.ComponentFor(Bindings)!.Value;

        Assert.Same(components, schemas.KarmadaComponents);
        Assert.Same(component, again);
    }

    private static ResourceDefinition Served(ResourceDefinition kind, string version) => new()
    {
        Group = kind.Group,
        Version = version,
        Kind = kind.Kind,
        Plural = kind.Plural,
        Namespaced = kind.Namespaced,
        IsCustom = true,
        ModelType = kind.ModelType,
    };

    private static string Text(IReadOnlyDictionary<string, JsonObject> components) => string.Join(
        '\n',
        components.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + " " + pair.Value.ToJsonString()));
}
