using System.Text;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Registry;

namespace Karmada.ApiServer.Tests.Registry;

public sealed class ObjectJsonTests
{
    [Fact]
    public void SerializeForStorage_PutsTypeMetaAndMetadataFirst_WithoutResourceVersion()
    {
        var obj = JsonNode.Parse("""{"data":{"k":"v"},"metadata":{"resourceVersion":"9","name":"c"},"kind":"ConfigMap","apiVersion":"v1"}""")!.AsObject();
        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"v"}}""", Encoding.UTF8.GetString(ObjectJson.SerializeForStorage(obj)));
    }

    [Fact]
    public void Serialize_ReusedBuffer_NeverLeaksAPreviousResult()
    {
        var large = new JsonObject { ["v"] = new string('x', 2 * 1024 * 1024) };
        var small = new JsonObject { ["a"] = 1 };
        var medium = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m&n"},"data":{"k":"k:{\"name\":\"x\"}"}}""")!.AsObject();

        Assert.Equal(2 * 1024 * 1024 + 8, ObjectJson.Serialize(large).Length);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(ObjectJson.Serialize(small)));
        var first = ObjectJson.SerializeForStorage(medium);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(ObjectJson.Serialize(small)));
        Assert.Equal(first, ObjectJson.SerializeForStorage(medium));
        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m&n"},"data":{"k":"k:{\"name\":\"x\"}"}}""", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public async Task Serialize_OnManyThreadsAtOnce_GivesEachCallerItsOwnResult()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            Encoding.UTF8.GetString(ObjectJson.Serialize(new JsonObject { ["i"] = i, ["pad"] = new string('p', i * 100) })))));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($$"""{"i":{{i}},"pad":"{{new string('p', i * 100)}}"}""", results[i]);
        }
    }
    [Fact]
    public void SerializeForStorageRented_HoldsExactlyTheBytesOfSerializeForStorage()
    {
        var objects = new[]
        {
            JsonNode.Parse("""{"data":{"k":"v"},"metadata":{"resourceVersion":"9","name":"c"},"kind":"ConfigMap","apiVersion":"v1"}""")!.AsObject(),
            JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m&n"},"data":{"k":"k:{\"name\":\"x\"}"}}""")!.AsObject(),
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "big" }, ["data"] = new JsonObject { ["v"] = new string('x', 2 * 1024 * 1024) } },
            new JsonObject { ["kind"] = "ConfigMap" },
        };
        foreach (var obj in objects)
        {
            var expected = ObjectJson.SerializeForStorage(obj);
            using var rented = ObjectJson.SerializeForStorageRented(obj);
            Assert.Equal(expected, rented.Memory.ToArray());
            Assert.Equal(expected.Length, rented.Length);
        }
    }
}
