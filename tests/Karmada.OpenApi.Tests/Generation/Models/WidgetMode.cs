using System.Text.Json.Serialization;

namespace Karmada.OpenApi.Tests.Generation.Models;

/// <summary>How a widget runs.</summary>
public enum WidgetMode
{
    /// <summary>Quickly.</summary>
    Fast,

    /// <summary>Carefully.</summary>
    [JsonStringEnumMemberName("slow-mode")]
    Slow,
}
