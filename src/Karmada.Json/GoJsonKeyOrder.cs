namespace Karmada.Json;

/// <summary>The order <see cref="GoJson"/> writes object members in.</summary>
public enum GoJsonKeyOrder
{
    /// <summary>By key bytes, as <c>json.Marshal</c> writes a <c>map[string]interface{}</c>.</summary>
    Sorted,

    /// <summary>As the object holds them, as Go writes struct fields or a document patched in place.</summary>
    AsWritten,
}
