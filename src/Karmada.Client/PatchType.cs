namespace Karmada.Client;

/// <summary>The patch formats of a PATCH request; each maps to its own Content-Type.</summary>
public enum PatchType
{
    /// <summary>JSON merge patch (RFC 7386), <c>application/merge-patch+json</c>.</summary>
    Merge,

    /// <summary>JSON patch (RFC 6902), <c>application/json-patch+json</c>.</summary>
    Json,

    /// <summary>Strategic merge patch, <c>application/strategic-merge-patch+json</c> (built-in kinds only).</summary>
    Strategic,

    /// <summary>Server-side apply, <c>application/apply-patch+yaml</c>; needs <see cref="PatchOptions.FieldManager"/>.</summary>
    Apply,
}
