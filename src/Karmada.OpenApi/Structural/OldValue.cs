using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// The stored object's value at the place being validated, when upstream's validation ratcheting
/// (<c>CRDValidationRatcheting</c>, on by default since Kubernetes 1.30) can correlate one: a property of a correlated
/// object, an item of a correlated <c>map</c> list by its keys, or an item of a list without a list type by its index.
/// Items of <c>set</c> and <c>atomic</c> lists are never correlated.
/// </summary>
internal readonly struct OldValue
{
    private OldValue(JsonNode? node)
    {
        Node = node;
        Exists = true;
    }

    /// <summary>No correlated old value: everything is validated.</summary>
    public static OldValue None => default;

    public JsonNode? Node { get; }

    public bool Exists { get; }

    public static OldValue Of(JsonNode? node) => new(node);

    /// <summary>
    /// Whether <paramref name="value"/> is unchanged from its correlated old value. Upstream turns every error found at
    /// and below such a value into a warning, so validating it could only produce errors that are dropped.
    /// </summary>
    public bool IsUnchanged(JsonNode? value) => Exists && JsonValueComparer.AreEqual(value, Node);

    /// <summary>The old value of property <paramref name="name"/> when this is a correlated object that has it.</summary>
    public OldValue Property(string name) =>
        Node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? Of(child) : None;
}
