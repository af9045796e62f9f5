namespace Karmada.Api;

/// <summary>An additional printer column, as in a CRD's <c>additionalPrinterColumns</c>.</summary>
/// <param name="Name">Column header.</param>
/// <param name="Type">OpenAPI type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</param>
/// <param name="JsonPath">JSONPath evaluated against the object.</param>
/// <param name="Priority">0 shows the column always; above 0 only with <c>-o wide</c>.</param>
/// <param name="Description">Human-readable description.</param>
/// <param name="Format">Optional OpenAPI format.</param>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, int Priority = 0, string Description = "", string Format = "");
