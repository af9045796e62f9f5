using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>
/// Kubernetes <c>corev1.ResourceList</c>: resource name (<c>cpu</c>, <c>memory</c>, <c>pods</c>, ...) to quantity.
/// Values are kept as their canonical strings (see <see cref="Quantity"/>); use <see cref="GetQuantity"/> and
/// <see cref="SetQuantity"/> for arithmetic. JSON numbers are accepted on read, as upstream accepts them.
/// </summary>
[JsonConverter(typeof(ResourceListJsonConverter))]
public sealed class ResourceList : Dictionary<string, string>
{
    /// <summary>Creates an empty list.</summary>
    public ResourceList()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public ResourceList(IEnumerable<KeyValuePair<string, string>> items)
        : base(items, StringComparer.Ordinal)
    {
    }

    /// <summary>The quantity of <paramref name="name"/>, or zero when absent.</summary>
    /// <exception cref="FormatException">The stored value is not a quantity.</exception>
    public Quantity GetQuantity(string name) =>
        TryGetValue(name, out var text) ? Quantity.Parse(text) : Quantity.Zero;

    /// <summary>Stores <paramref name="value"/> under <paramref name="name"/> as its canonical string.</summary>
    public void SetQuantity(string name, Quantity value) => this[name] = value.ToString();

    /// <summary>Creates a list from quantities.</summary>
    public static ResourceList FromQuantities(IEnumerable<KeyValuePair<string, Quantity>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new ResourceList();
        foreach (var (name, quantity) in items)
        {
            list.SetQuantity(name, quantity);
        }

        return list;
    }
}
