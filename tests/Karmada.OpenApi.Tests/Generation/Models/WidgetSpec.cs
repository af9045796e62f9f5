using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Karmada.OpenApi.Tests.Generation.Models;

/// <summary>The desired state of a widget.</summary>
public sealed class WidgetSpec
{
    /// <summary>
    /// Number of
    /// gadgets.
    ///
    /// Defaults to none.
    /// </summary>
    [JsonPropertyName("gadgetCount")]
    public int Count { get; set; }

    /// <summary>Name of the widget.</summary>
    public required string Name { get; set; }

    /// <summary>How the widget runs.</summary>
    public WidgetMode Mode { get; set; }

    /// <summary>Free-form tags.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Weight per target.</summary>
    public Dictionary<string, int>? Weights { get; set; }

    /// <summary>Raw configuration, kept as is.</summary>
    public JsonElement? Raw { get; set; }

    /// <summary>A port number or name.</summary>
    public IntOrString? Port { get; set; }

    /// <summary>Selects the targets.</summary>
    public V1LabelSelector? Selector { get; set; }

    /// <summary>Nested widgets.</summary>
    public List<WidgetSpec>? Children { get; set; }
}
