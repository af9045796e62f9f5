using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace Karmada.Api.Serialization;

/// <summary>
/// Adjusts source-generated JSON contracts so that they behave like Go's <c>encoding/json</c> on the upstream types:
/// <list type="bullet">
/// <item>properties marked <see cref="OmitEmptyAttribute"/> are skipped when empty (Go <c>omitempty</c>);</item>
/// <item>a JSON <c>null</c> for a non-nullable property keeps the property's initial value, as Go keeps the zero
/// value (so collections and nested structs are never null after deserialization).</item>
/// </list>
/// </summary>
public static class GoJsonContract
{
    /// <summary>The modifier to add to a resolver: <c>resolver.WithAddedModifier(GoJsonContract.Apply)</c>.</summary>
    public static void Apply(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(OmitEmptyAttribute), inherit: true) == true)
            {
                property.ShouldSerialize = static (_, value) => !IsEmpty(value);
            }

            if (!property.PropertyType.IsValueType && !property.IsSetNullable && property.Set is { } set)
            {
                property.Set = (target, value) =>
                {
                    if (value is not null)
                    {
                        set(target, value);
                    }
                };
            }
        }
    }

    /// <summary>Whether Go would consider the value empty for <c>omitempty</c>.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        uint u => u == 0,
        ulong ul => ul == 0,
        short sh => sh == 0,
        double d => d == 0,
        float f => f == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };
}
