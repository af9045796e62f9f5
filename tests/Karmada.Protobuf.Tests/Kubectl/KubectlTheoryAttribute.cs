namespace Karmada.Protobuf.Tests.Kubectl;

/// <summary>A theory that runs only where the pinned kubectl binaries are installed (the project's machine image).</summary>
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (!KubectlCaptureServer.KubectlInstalled)
        {
            Skip = $"kubectl binaries not found under {KubectlCaptureServer.KubectlDirectory}";
        }
    }
}
