using Karmada.Testing;

namespace Karmada.OpenApi.Tests.Documents;

/// <summary>A theory that runs the real kubectl binaries; skipped on machines without them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (!File.Exists(Path.Combine(Kubectl.BinaryDirectory, "kubectl.1.33")))
        {
            Skip = "the versioned kubectl binaries are not installed";
        }
    }
}
