namespace Karmada.Api.Core;

/// <summary>How a <see cref="Quantity"/> is written back out (Kubernetes <c>resource.Format</c>).</summary>
public enum QuantityFormat
{
    /// <summary>Decimal SI suffixes: <c>n</c>, <c>u</c>, <c>m</c>, none, <c>k</c>, <c>M</c>, <c>G</c>, <c>T</c>, <c>P</c>, <c>E</c>.</summary>
    DecimalSI = 0,

    /// <summary>Binary SI suffixes: <c>Ki</c>, <c>Mi</c>, <c>Gi</c>, <c>Ti</c>, <c>Pi</c>, <c>Ei</c>.</summary>
    BinarySI = 1,

    /// <summary>Decimal exponent: <c>e3</c>, <c>E6</c>, ...</summary>
    DecimalExponent = 2,
}
