using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A part of an image name '[registry/]repository[:tag]'.</summary>
[JsonConverter(typeof(StrictEnumConverter<ImageComponent>))]
public enum ImageComponent
{
    /// <summary>The registry part.</summary>
    Registry,

    /// <summary>The repository part.</summary>
    Repository,

    /// <summary>The tag (or digest) part.</summary>
    Tag,
}
