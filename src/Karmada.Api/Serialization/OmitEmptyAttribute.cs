namespace Karmada.Api.Serialization;

/// <summary>
/// Marks a property whose Go field carries <c>omitempty</c> on a non-pointer type: the property is left out of the JSON
/// when it holds its zero value (null, <c>""</c>, <c>0</c>, <c>false</c> or an empty collection), exactly as Go's
/// <c>encoding/json</c> does. Pointer fields need no marker: they are nullable and left out when null.
/// </summary>
/// <remarks>Honoured by the contract that <see cref="KarmadaJson"/> builds (see <see cref="GoJsonContract"/>).</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class OmitEmptyAttribute : Attribute
{
}
