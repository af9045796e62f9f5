namespace Karmada.Client;

/// <summary>Query options of a LIST request.</summary>
public sealed class ListOptions
{
    /// <summary>Label selector, for example <c>app=web,tier!=cache</c>.</summary>
    public string? LabelSelector { get; set; }

    /// <summary>Field selector, for example <c>metadata.name=web</c>.</summary>
    public string? FieldSelector { get; set; }

    /// <summary>Page size; the server may ignore it and return everything. Null or 0 asks for everything.</summary>
    public int? Limit { get; set; }

    /// <summary>The continue token of the previous page.</summary>
    public string? Continue { get; set; }

    /// <summary>Empty for the most recent state, <c>0</c> for any (possibly cached) state, or a specific version.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary><c>NotOlderThan</c> or <c>Exact</c>, qualifying <see cref="ResourceVersion"/>.</summary>
    public string? ResourceVersionMatch { get; set; }
}
