namespace Karmada.Api;

/// <summary>
/// One additional printer column of a kind (<c>+kubebuilder:printcolumn</c> upstream), in declaration order.
/// The NAME column is implicit.
/// </summary>
/// <param name="name">Column header.</param>
/// <param name="type">OpenAPI type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</param>
/// <param name="jsonPath">JSONPath evaluated against the object, e.g. <c>.spec.priority</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class KarmadaPrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    /// <summary>Column header.</summary>
    public string Name { get; } = name;

    /// <summary>OpenAPI type of the column.</summary>
    public string Type { get; } = type;

    /// <summary>JSONPath of the value.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>0 shows the column always; above 0 only with <c>-o wide</c>.</summary>
    public int Priority { get; set; }

    /// <summary>Human-readable description of the column.</summary>
    public string Description { get; set; } = "";

    /// <summary>Optional OpenAPI format of the column.</summary>
    public string Format { get; set; } = "";
}
