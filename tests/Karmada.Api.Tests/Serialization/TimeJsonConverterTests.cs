using System.Text.Json;
using Karmada.Api.Meta;
using Karmada.Api.Serialization;

namespace Karmada.Api.Tests.Serialization;

public sealed class TimeJsonConverterTests
{
    [Fact]
    public void Serialize_Timestamp_WritesUtcSecondsWithZ()
    {
        var meta = new ObjectMeta { CreationTimestamp = new DateTimeOffset(2025, 3, 4, 7, 6, 7, 891, TimeSpan.FromHours(2)) };

        var node = KarmadaJson.SerializeToNode(new Policy.V1Alpha1.PropagationPolicy { Metadata = meta })!;

        Assert.Equal("2025-03-04T05:06:07Z", (string)node["metadata"]!["creationTimestamp"]!);
    }

    [Theory]
    [InlineData("2025-03-04T05:06:07Z", "2025-03-04T05:06:07Z")]
    [InlineData("2025-03-04T07:06:07+02:00", "2025-03-04T05:06:07Z")]
    [InlineData("2025-03-04T05:06:07.123456789Z", "2025-03-04T05:06:07Z")]
    [InlineData("2025-03-04T05:06:07.5-01:30", "2025-03-04T06:36:07Z")]
    public void Parse_Rfc3339_ReadsInstant(string text, string expectedUtc)
    {
        var value = TimeJsonConverter.Parse(text);

        Assert.Equal(expectedUtc, TimeJsonConverter.Format(value));
    }

    [Fact]
    public void Parse_NanosecondFraction_KeepsTicks()
    {
        var value = TimeJsonConverter.Parse("2025-03-04T05:06:07.123456789Z");

        Assert.Equal(1234567, value.Ticks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData("\"2025-03-04\"")]
    [InlineData("\"03/04/2025 05:06:07\"")]
    [InlineData("\"2025-03-04T05:06:07\"")]
    [InlineData("12345")]
    public void Deserialize_NotRfc3339_Throws(string token)
    {
        Assert.Throws<JsonException>(() =>
            KarmadaJson.Deserialize<Policy.V1Alpha1.PropagationPolicy>("{\"metadata\":{\"creationTimestamp\":" + token + "}}"));
    }

    [Fact]
    public void Deserialize_NullTimestamp_IsUnset()
    {
        var policy = KarmadaJson.Deserialize<Policy.V1Alpha1.PropagationPolicy>("""{"metadata":{"creationTimestamp":null}}""");

        Assert.Null(policy.Metadata.CreationTimestamp);
        Assert.False(KarmadaJson.SerializeToNode(policy)!["metadata"]!.AsObject().ContainsKey("creationTimestamp"));
    }
}
