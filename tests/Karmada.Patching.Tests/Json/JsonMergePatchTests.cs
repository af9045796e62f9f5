using System.Text.Json.Nodes;
using Karmada.Patching.Json;

namespace Karmada.Patching.Tests.Json;

public sealed class JsonMergePatchTests
{
    // RFC 7386 Appendix A, verbatim.
    public static TheoryData<string, string, string> Rfc7386Examples => new()
    {
        { """{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""" },
        { """{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""" },
        { """{"a":"b"}""", """{"a":null}""", """{}""" },
        { """{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""" },
        { """{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""" },
        { """{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""" },
        { """{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""" },
        { """{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""" },
        { """["a","b"]""", """["c","d"]""", """["c","d"]""" },
        { """{"a":"b"}""", """["c"]""", """["c"]""" },
        { """{"a":"foo"}""", "null", "null" },
        { """{"a":"foo"}""", "\"bar\"", "\"bar\"" },
        { """{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""" },
        { "[1,2]", """{"a":"b","c":null}""", """{"a":"b"}""" },
        { "{}", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""" },
    };

    [Theory]
    [MemberData(nameof(Rfc7386Examples))]
    public void Apply_Rfc7386Example_ProducesSpecifiedResult(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"got {result?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void Apply_NestedPatch_DoesNotModifyInputs()
    {
        var target = JsonNode.Parse("""{"metadata":{"labels":{"a":"1"}}}""")!;
        var patch = JsonNode.Parse("""{"metadata":{"labels":{"b":"2"}}}""")!;

        var result = JsonMergePatch.Apply(target, patch);

        Assert.Equal("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", result!.ToJsonString());
        Assert.Equal("""{"metadata":{"labels":{"a":"1"}}}""", target.ToJsonString());
        Assert.Equal("""{"metadata":{"labels":{"b":"2"}}}""", patch.ToJsonString());
    }

    [Fact]
    public void ApplyToObject_KubectlLabelPatch_AddsLabel()
    {
        var deployment = JsonNode.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}}}""")!.AsObject();

        var result = JsonMergePatch.ApplyToObject(deployment, JsonNode.Parse("""{"metadata":{"labels":{"tier":"frontend"}}}"""));

        Assert.Equal("frontend", (string?)result["metadata"]!["labels"]!["tier"]);
        Assert.Equal("web", (string?)result["metadata"]!["labels"]!["app"]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1]")]
    [InlineData("5")]
    public void ApplyToObject_PatchNotAnObject_ThrowsBadRequest(string patch)
    {
        var target = new JsonObject { ["a"] = 1 };

        var error = Assert.Throws<PatchException>(() => JsonMergePatch.ApplyToObject(target, JsonNode.Parse(patch)));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BadRequest", error.Reason);
        Assert.Equal("Invalid JSON Patch", error.Message);
    }
}
