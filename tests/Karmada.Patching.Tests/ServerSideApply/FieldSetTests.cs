using System.Text.Json.Nodes;
using Karmada.Patching.ServerSideApply;

namespace Karmada.Patching.Tests.ServerSideApply;

public sealed class FieldSetTests
{
    [Fact]
    public void ToFieldsV1_MemberWithChildren_EmitsDotFirstAndSortsElements()
    {
        var containers = FieldPath.Of(PathElement.Field("spec"), PathElement.Field("containers"));
        var item = containers.Append(PathElement.KeyOf([KeyValuePair.Create("name", (JsonNode?)"nginx")]));
        var set = new FieldSet(
        [
            item,
            item.Append(PathElement.Field("name")),
            item.Append(PathElement.Field("image")),
            FieldPath.Of(PathElement.Field("spec"), PathElement.Field("replicas")),
            FieldPath.Of(PathElement.Field("metadata"), PathElement.Field("finalizers"), PathElement.ValueOf("b")),
            FieldPath.Of(PathElement.Field("metadata"), PathElement.Field("finalizers"), PathElement.ValueOf("a")),
        ]);

        var encoded = JsonText.Of(set.ToFieldsV1());

        Assert.Equal(
            """{"f:metadata":{"f:finalizers":{"v:\"a\"":{},"v:\"b\"":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}},"f:replicas":{}}}""",
            encoded);
    }

    [Fact]
    public void ToFieldsV1_NamesThatNeedEscaping_ReadBackAsTheElementTexts()
    {
        // The encoding is written as JSON text and parsed back: every member name must survive that exactly.
        var field = PathElement.Field("a&b<c>\"d\"é\u2028\\");
        var key = PathElement.KeyOf([KeyValuePair.Create("name", (JsonNode?)"x\"y&<é")]);
        var value = PathElement.ValueOf("q\"&\t");
        var list = FieldPath.Of(PathElement.Field("list"));
        var set = new FieldSet([FieldPath.Of(field), list.Append(key), list.Append(key).Append(field), list.Append(value)]);

        var encoded = set.ToFieldsV1();

        Assert.Equal([field.Text, "f:list"], encoded.Select(p => p.Key));
        var items = encoded["f:list"]!.AsObject();
        Assert.Equal(new[] { key.Text, value.Text }.Order(StringComparer.Ordinal), items.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal([".", field.Text], items[key.Text]!.AsObject().Select(p => p.Key));
        Assert.Equal(JsonText.Of(encoded), JsonText.Of(FieldSet.FromFieldsV1(JsonText.Parse(JsonText.Of(encoded))).ToFieldsV1()));
    }

    [Fact]
    public void ToFieldsV1_OfADecodedSet_IsAnObjectOfItsOwn()
    {
        var source = JsonText.Parse("""{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{}}}""");
        var set = FieldSet.FromFieldsV1Uncached(source);

        var first = set.ToFieldsV1();
        first["f:spec"]!.AsObject()["f:paused"] = new JsonObject();

        Assert.Equal("""{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{}}}""", JsonText.Of(set.ToFieldsV1()));
        Assert.Equal("""{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{}}}""", JsonText.Of(source));
    }

    [Fact]
    public void KeyOf_MultipleKeyFields_SortsFieldsByName()
    {
        var key = PathElement.KeyOf([KeyValuePair.Create("protocol", (JsonNode?)"TCP"), KeyValuePair.Create("containerPort", (JsonNode?)80)]);

        Assert.Equal("""k:{"containerPort":80,"protocol":"TCP"}""", key.Text);
        Assert.Equal("""[containerPort=80,protocol="TCP"]""", key.ToString());
    }

    [Fact]
    public void FromFieldsV1_UpstreamEntry_RoundTrips()
    {
        const string upstream = """{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}}},"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}}""";

        var set = FieldSet.FromFieldsV1(JsonNode.Parse(upstream)!.AsObject());

        Assert.Equal(upstream, JsonText.Of(set.ToFieldsV1()));
        Assert.Contains(FieldPath.Of(PathElement.Field("metadata"), PathElement.Field("annotations")), set);
        Assert.DoesNotContain(FieldPath.Of(PathElement.Field("metadata")), set);
    }

    [Fact]
    public void ToString_PathWithKeyAndValue_PrintsLikeStructuredMergeDiff()
    {
        var path = FieldPath.Of(
            PathElement.Field("spec"),
            PathElement.Field("containers"),
            PathElement.KeyOf([KeyValuePair.Create("name", (JsonNode?)"web")]),
            PathElement.Field("image"));

        Assert.Equal(""".spec.containers[name="web"].image""", path.ToString());
        Assert.Equal("""[="x"]""", PathElement.ValueOf("x").ToString());
        Assert.Equal("[3]", PathElement.IndexOf(3).ToString());
    }

    [Theory]
    [InlineData("x:y")]
    [InlineData("k:[1]")]
    [InlineData("i:-1")]
    public void Parse_InvalidElement_Throws(string text)
    {
        Assert.ThrowsAny<Exception>(() => PathElement.Parse(text));
    }
}
