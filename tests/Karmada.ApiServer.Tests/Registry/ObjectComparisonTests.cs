using System.Text.Json.Nodes;
using Karmada.ApiServer.Registry;

namespace Karmada.ApiServer.Tests.Registry;

public sealed class ObjectComparisonTests
{
    private const string Stored = """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"7","labels":{"a":"1"},
        "managedFields":[{"manager":"kubectl","operation":"Update","time":"2026-01-01T00:00:00Z","fieldsV1":{"f:data":{}}}]},
        "data":{"k":"v"},"status":{"x":1}}
        """;

    [Theory]
    [InlineData("""{"metadata":{"resourceVersion":"8"}}""")]
    [InlineData("""{"metadata":{"resourceVersion":null}}""")]
    [InlineData("""{"metadata":{"managedFields":[{"time":"2027-05-05T00:00:00Z"}]}}""")]
    [InlineData("""{"data":{"k":"v"}}""")]
    public void IsNoOpUpdate_IgnoresResourceVersionAndManagedFieldTimes(string patch)
    {
        var updated = Apply(Parse(Stored), Parse(patch));
        Assert.True(ObjectComparison.IsNoOpUpdate(Parse(Stored), updated));
    }

    [Theory]
    [InlineData("""{"data":{"k":"w"}}""")]
    [InlineData("""{"metadata":{"labels":{"b":"2"}}}""")]
    [InlineData("""{"metadata":{"managedFields":[{"manager":"other"}]}}""")]
    [InlineData("""{"metadata":{"managedFields":null}}""")]
    [InlineData("""{"status":null}""")]
    [InlineData("""{"extra":true}""")]
    public void IsNoOpUpdate_SeesEveryOtherChange(string patch)
    {
        var updated = Apply(Parse(Stored), Parse(patch));
        Assert.False(ObjectComparison.IsNoOpUpdate(Parse(Stored), updated));
        Assert.False(ObjectComparison.IsNoOpUpdate(updated, Parse(Stored)));
    }

    [Fact]
    public void IsNoOpUpdate_PropertyOrderDoesNotMatter()
    {
        var reordered = Parse("""{"data":{"k":"v"},"status":{"x":1},"kind":"ConfigMap","apiVersion":"v1","metadata":{"labels":{"a":"1"},"name":"c","managedFields":[{"fieldsV1":{"f:data":{}},"operation":"Update","manager":"kubectl"}]}}""");
        Assert.True(ObjectComparison.IsNoOpUpdate(Parse(Stored), reordered));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1}""", true)]
    [InlineData("""{"a":1,"metadata":null}""", """{"a":1}""", true)]
    [InlineData("""{"a":1,"metadata":{}}""", """{"a":1}""", false)]
    [InlineData("""{"a":1,"metadata":{"name":"x"}}""", """{"a":2,"metadata":{"name":"x"}}""", false)]
    [InlineData("""{"metadata":{"name":"x"},"a":1}""", """{"a":1,"metadata":{"name":"y"}}""", false)]
    [InlineData("""{"a":1,"status":null}""", """{"a":1}""", false)]
    [InlineData("""{"a":1,"status":{"x":1}}""", """{"status":{"x":1},"a":1}""", true)]
    [InlineData("""{"a":1,"status":{"x":1}}""", """{"a":2,"status":{"x":1}}""", false)]
    [InlineData("""{"a":1,"status":{"x":1}}""", """{"a":1,"status":{"x":2}}""", false)]
    public void IsNoOpUpdate_MetadataComparedLast_DecidesAsAWholeObjectComparison(string left, string right, bool same)
    {
        Assert.Equal(same, ObjectComparison.IsNoOpUpdate(Parse(left), Parse(right)));
        Assert.Equal(same, ObjectComparison.IsNoOpUpdate(Parse(right), Parse(left)));
    }

    [Theory]
    [InlineData("""{"metadata":{"labels":{"b":"2"}}}""", false)]
    [InlineData("""{"status":{"x":2}}""", false)]
    [InlineData("""{"apiVersion":"v2","kind":"Other"}""", false)]
    [InlineData("""{"data":{"k":"w"}}""", true)]
    [InlineData("""{"data":null}""", true)]
    [InlineData("""{"spec":{}}""", true)]
    public void ContentDiffers_OnlyOutsideMetadataStatusAndTypeMeta(string patch, bool differs) =>
        Assert.Equal(differs, ObjectComparison.ContentDiffers(Parse(Stored), Apply(Parse(Stored), Parse(patch))));

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A JSON merge patch (null removes), enough to derive variants of the stored object.</summary>
    private static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject nested && target[name] is JsonObject existing)
            {
                Apply(existing, nested);
            }
            else if (value is JsonArray { Count: 1 } entries && entries[0] is JsonObject entryPatch && target[name] is JsonArray { Count: 1 } current && current[0] is JsonObject entry)
            {
                Apply(entry, entryPatch.DeepClone().AsObject());
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }

        return target;
    }
}
