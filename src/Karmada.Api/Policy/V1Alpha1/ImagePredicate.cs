using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A filter on image fields.</summary>
public sealed class ImagePredicate
{
    /// <summary>JSON pointer of the image field. Required.</summary>
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";
}
