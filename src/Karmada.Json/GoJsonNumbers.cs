namespace Karmada.Json;

/// <summary>How <see cref="GoJson"/> writes numbers.</summary>
public enum GoJsonNumbers
{
    /// <summary>
    /// As Go re-encodes a decoded unstructured value: an int64 as its digits, a float64 in encoding/json's shortest
    /// form (<c>1.50</c> becomes <c>1.5</c>, <c>0.0000001</c> becomes <c>1e-7</c>).
    /// </summary>
    Decoded,

    /// <summary>
    /// Parsed numbers keep their source text, as <c>json.RawMessage</c> and evanphx/json-patch documents do;
    /// numbers built in code are written as <see cref="Decoded"/>.
    /// </summary>
    AsWritten,
}
