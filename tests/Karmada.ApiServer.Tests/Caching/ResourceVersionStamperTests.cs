using System.Text;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;

namespace Karmada.ApiServer.Tests.Caching;

public sealed class ResourceVersionStamperTests
{
    [Theory]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"metadata":"x"}}""")]
    [InlineData("""{"kind":"X","spec":{"metadata":{}},"metadata":{}}""")]
    [InlineData("""{"metadata":{"name":"a","labels":{"resourceVersionLike":"1"}}}""")]
    public void Stamp_TopLevelMetadata_GetsResourceVersion(string json)
    {
        var stamped = JsonNode.Parse(ResourceVersionStamper.Stamp(Encoding.UTF8.GetBytes(json), 42))!;
        Assert.Equal("42", (string?)stamped["metadata"]!["resourceVersion"]);
        var original = JsonNode.Parse(json)!.AsObject();
        var withoutRv = stamped.AsObject();
        withoutRv["metadata"]!.AsObject().Remove("resourceVersion");
        Assert.True(JsonNode.DeepEquals(original, withoutRv));
    }

    [Fact]
    public void Stamp_NoMetadata_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => ResourceVersionStamper.Stamp("""{"kind":"X"}"""u8, 1));
    }
}
