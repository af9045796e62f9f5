using Karmada.Policy.Json;

namespace Karmada.Policy.Tests.Json;

public sealed class JsonPatchTests
{
    [Fact]
    public void Apply_AddRemoveReplace_FollowsRfc6902()
    {
        var doc = TestJson.Obj("""{"a":{"b":[1,2,3]},"c":"x","d/e":1}""");

        var result = JsonPatch.Apply(doc,
        [
            new JsonPatchOperation("add", "/a/b/1", 9),
            new JsonPatchOperation("add", "/a/b/-", 10),
            new JsonPatchOperation("remove", "/a/b/0", null),
            new JsonPatchOperation("replace", "/c", "y"),
            new JsonPatchOperation("replace", "/d~1e", 2),
            new JsonPatchOperation("add", "/n", null),
        ]);

        TestJson.Equal("""{"a":{"b":[9,2,3,10]},"c":"y","d/e":2,"n":null}""", result);
    }

    [Theory]
    [InlineData("add", "/missing/child")]
    [InlineData("replace", "/missing")]
    [InlineData("remove", "/missing")]
    [InlineData("replace", "/list/5")]
    [InlineData("move", "/list")]
    public void Apply_InvalidTarget_Throws(string op, string path)
    {
        var doc = TestJson.Obj("""{"list":[1]}""");

        Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(doc, [new JsonPatchOperation(op, path, 1)]));
    }

    [Fact]
    public void Apply_NegativeIndex_CountsFromEnd()
    {
        var doc = TestJson.Obj("""{"list":[1,2,3]}""");

        TestJson.Equal("""{"list":[1,2,0]}""", JsonPatch.Apply(doc, [new JsonPatchOperation("replace", "/list/-1", 0)]));
    }
}
