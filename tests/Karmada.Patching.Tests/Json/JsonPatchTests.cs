using System.Text.Json.Nodes;
using Karmada.Patching.Json;

namespace Karmada.Patching.Tests.Json;

public sealed class JsonPatchTests
{
    // RFC 6902 Appendix A: the examples that succeed.
    public static TheoryData<string, string, string> Rfc6902Examples => new()
    {
        // A.1 adding an object member
        { """{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""" },
        // A.2 adding an array element
        { """{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""" },
        // A.3 removing an object member
        { """{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""" },
        // A.4 removing an array element
        { """{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""" },
        // A.5 replacing a value
        { """{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""" },
        // A.6 moving a value
        {
            """{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""",
            """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""",
            """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"""
        },
        // A.7 moving an array element
        { """{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""" },
        // A.8 testing a value: success
        {
            """{"baz":"qux","foo":["a",2,"c"]}""",
            """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""",
            """{"baz":"qux","foo":["a",2,"c"]}"""
        },
        // A.10 adding a nested member object
        { """{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""" },
        // A.11 ignoring unrecognized elements
        { """{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","xyz":123}]""", """{"foo":"bar","baz":"qux"}""" },
        // A.14 ~ escape ordering
        { """{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10}]""", """{"/":9,"~1":10}""" },
        // A.16 adding an array value
        { """{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""" },
        // §4.1: adding to the root replaces the document
        { """{"foo":"bar"}""", """[{"op":"add","path":"","value":{"baz":1}}]""", """{"baz":1}""" },
        // §4.5: copy
        { """{"a":{"b":1}}""", """[{"op":"copy","from":"/a","path":"/c"}]""", """{"a":{"b":1},"c":{"b":1}}""" },
        // numbers compare by value, as JSON equality requires
        { """{"a":1}""", """[{"op":"test","path":"/a","value":1.0}]""", """{"a":1}""" },
        // kube-apiserver's json-patch accepts negative indices counted from the end
        { """{"a":[1,2,3]}""", """[{"op":"remove","path":"/a/-1"}]""", """{"a":[1,2]}""" },
        { """{"a":[1,2,3]}""", """[{"op":"add","path":"/a/-1","value":4}]""", """{"a":[1,2,3,4]}""" },
        // ... and treats a missing member as null in test
        { """{"a":1}""", """[{"op":"test","path":"/b","value":null}]""", """{"a":1}""" },
        // kubectl patch --type=json, as sent by kubectl scale's documentation example
        {
            """{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}}}}""",
            """[{"op":"replace","path":"/spec/replicas","value":6},{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.26"}]""",
            """{"spec":{"replicas":6,"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}}}"""
        },
        // ~1 addresses annotation keys with slashes
        {
            """{"metadata":{"annotations":{"example.com/owner":"a"}}}""",
            """[{"op":"replace","path":"/metadata/annotations/example.com~1owner","value":"b"}]""",
            """{"metadata":{"annotations":{"example.com/owner":"b"}}}"""
        },
    };

    // RFC 6902 Appendix A failures, plus kube-specific ones: (document, patch, detail).
    public static TheoryData<string, string, string> FailingPatches => new()
    {
        // A.9 testing a value: error
        { """{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""", "testing value /baz failed: test failed" },
        // A.12 adding to a nonexistent target
        { """{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""", "add operation does not apply: doc is missing path: \"/baz/bat\"" },
        // A.13 invalid JSON patch document: an unknown op
        { """{"foo":"bar"}""", """[{"op":"frob","path":"/foo"}]""", "Unexpected kind: frob" },
        // A.15 comparing strings and numbers
        { """{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":"10"}]""", "testing value /~01 failed: test failed" },
        { """{"a":1}""", """[{"op":"remove","path":"/b"}]""", "Unable to remove nonexistent key: b: missing value" },
        { """{"a":1}""", """[{"op":"replace","path":"/b","value":2}]""", "replace operation does not apply: doc is missing key: /b: missing value" },
        { """{"a":[1]}""", """[{"op":"replace","path":"/a/1","value":2}]""", "Unable to access invalid index: 1" },
        { """{"a":[1]}""", """[{"op":"add","path":"/a/3","value":2}]""", "Unable to access invalid index: 3" },
        { """{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""", "move operation does not apply: \"/a\" is a prefix of \"/a/b/c\"" },
        { """{"a":1}""", """[{"op":"add","path":"/b"}]""", "operation add is missing a value" },
        { """{"a":1}""", """[{"op":"add","value":1}]""", "operation missing path field" },
        { """{"a":1}""", """[{"op":"add","path":"/x~2","value":1}]""", "invalid JSON pointer in path: \"/x~2\"" },
    };

    [Theory]
    [MemberData(nameof(Rfc6902Examples))]
    public void Apply_ValidPatch_ProducesSpecifiedResult(string document, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(document), JsonNode.Parse(patch)!.AsArray());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"got {result?.ToJsonString() ?? "null"}");
    }

    [Theory]
    [MemberData(nameof(FailingPatches))]
    public void Apply_FailingOperation_ThrowsInvalidWithUpstreamMessage(string document, string patch, string detail)
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse(document), JsonNode.Parse(patch)!.AsArray()));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal("the server rejected our request due to an error in our request", error.Message);
        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Apply_FailureAfterSuccessfulOperations_LeavesTargetUntouched()
    {
        var document = JsonNode.Parse("""{"a":1}""")!;

        Assert.Throws<PatchException>(() => JsonPatch.Apply(
            document,
            JsonNode.Parse("""[{"op":"replace","path":"/a","value":2},{"op":"test","path":"/a","value":3}]""")!.AsArray()));

        Assert.Equal("""{"a":1}""", document.ToJsonString());
    }

    [Fact]
    public void Apply_OperationNotAnObject_ThrowsBadRequest()
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(new JsonObject(), JsonNode.Parse("""["add"]""")!.AsArray()));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BadRequest", error.Reason);
        Assert.Equal("json: cannot unmarshal string into Go value of type jsonpatch.Operation", error.Message);
    }

    [Fact]
    public void Apply_MoreThanMaximumOperations_ThrowsRequestEntityTooLarge()
    {
        var operations = new JsonArray();
        for (var i = 0; i <= JsonPatch.MaxOperations; i++)
        {
            operations.Add(new JsonObject { ["op"] = "test", ["path"] = "/a", ["value"] = 1 });
        }

        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(new JsonObject { ["a"] = 1 }, operations));

        Assert.Equal(413, error.StatusCode);
        Assert.Equal("RequestEntityTooLarge", error.Reason);
        Assert.Equal("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001", error.Message);
    }

    [Fact]
    public void ApplyToObject_ReplacingRootWithScalar_ThrowsInvalid()
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.ApplyToObject(
            new JsonObject(),
            JsonNode.Parse("""[{"op":"replace","path":"","value":1}]""")!.AsArray()));

        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public void ApplyToObject_ResourceVersionPrecondition_AppliesWhenTestPasses()
    {
        // kubectl's client-side-apply to server-side-apply migration sends this shape.
        var live = JsonNode.Parse("""{"metadata":{"resourceVersion":"42","managedFields":[{"manager":"a"}]}}""")!.AsObject();
        var patch = JsonNode.Parse("""[{"op":"test","path":"/metadata/resourceVersion","value":"42"},{"op":"replace","path":"/metadata/managedFields","value":[]}]""")!.AsArray();

        var result = JsonPatch.ApplyToObject(live, patch);

        Assert.Empty(result["metadata"]!["managedFields"]!.AsArray());
    }
}
