namespace Karmada.Vectors.Tests;

/// <summary>
/// Marks a static method <c>void Name(JsonObject input, JsonObject expected)</c> as the handler of every vector
/// whose <c>input.function</c> equals <see cref="Function"/>. The handler calls the real code and asserts.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class VectorFunctionAttribute(string function) : Attribute
{
    public string Function { get; } = function;
}
