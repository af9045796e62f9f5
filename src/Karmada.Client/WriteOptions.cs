namespace Karmada.Client;

/// <summary>Query options of CREATE and UPDATE requests.</summary>
public sealed class WriteOptions
{
    /// <summary>The actor recorded in <c>managedFields</c>.</summary>
    public string? FieldManager { get; set; }

    /// <summary>Run admission and validation but persist nothing (<c>dryRun=All</c>).</summary>
    public bool DryRun { get; set; }

    /// <summary><c>Strict</c>, <c>Warn</c> or <c>Ignore</c>.</summary>
    public string? FieldValidation { get; set; }
}
