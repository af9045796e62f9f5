namespace Karmada.ApiServer.Selection;

/// <summary>The operators of the label selector string grammar.</summary>
public enum SelectorOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
