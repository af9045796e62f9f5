namespace Karmada.Client;

/// <summary>Query options of a PATCH request.</summary>
public sealed class PatchOptions
{
    /// <summary>The actor recorded in <c>managedFields</c>; required for <see cref="PatchType.Apply"/>.</summary>
    public string? FieldManager { get; set; }

    /// <summary>Server-side apply only: take ownership of fields that other managers own instead of failing with Conflict.</summary>
    public bool? Force { get; set; }

    /// <summary>Run admission and validation but persist nothing (<c>dryRun=All</c>).</summary>
    public bool DryRun { get; set; }

    /// <summary><c>Strict</c>, <c>Warn</c> or <c>Ignore</c>.</summary>
    public string? FieldValidation { get; set; }

    /// <summary>Patch a subresource instead of the object, for example <c>status</c> or <c>scale</c>.</summary>
    public string? Subresource { get; set; }
}
