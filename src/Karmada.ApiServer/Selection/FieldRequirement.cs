namespace Karmada.ApiServer.Selection;

/// <summary>One term of a field selector: <c>path=value</c> or <c>path!=value</c>.</summary>
public sealed record FieldRequirement(string Field, string Value, bool Negated);
