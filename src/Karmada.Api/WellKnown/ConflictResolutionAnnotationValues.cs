namespace Karmada.Api.WellKnown;

/// <summary>Values of the <see cref="WellKnownAnnotations.ConflictResolution"/> annotation.</summary>
public static class ConflictResolutionAnnotationValues
{
    /// <summary>Overwrite an existing member resource with the template.</summary>
    public const string Overwrite = "overwrite";

    /// <summary>Stop propagating rather than overwrite (the default).</summary>
    public const string Abort = "abort";
}
