using k8s.Models;

namespace Karmada.OpenApi.Tests.Generation.Models;

/// <summary>
/// Widget is a kind defined only by these tests.
/// </summary>
public sealed class Widget
{
    /// <summary>APIVersion of the widget.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Kind of the widget.</summary>
    public string? Kind { get; set; }

    /// <summary>Standard object metadata.</summary>
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Desired state of the widget.</summary>
    public WidgetSpec Spec { get; set; } = new() { Name = string.Empty };
}
