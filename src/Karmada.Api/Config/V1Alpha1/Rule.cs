using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>A tuple of API groups, versions and kinds; '*' alone matches all.</summary>
public class Rule
{
    /// <summary>API groups; [""] is the core group, ["*"] all groups. Required.</summary>
    [JsonPropertyName("apiGroups")]
    public List<string> ApiGroups { get; set; } = [];

    /// <summary>API versions; ["*"] all versions. Required.</summary>
    [JsonPropertyName("apiVersions")]
    public List<string> ApiVersions { get; set; } = [];

    /// <summary>Kinds; ["*"] all kinds. Required.</summary>
    [JsonPropertyName("kinds")]
    public List<string> Kinds { get; set; } = [];
}
