using System.Text.Json.Nodes;

namespace Karmada.Json.Tests;

public sealed class GoValueFormatTests
{
    [Fact]
    public void SharpV_NestedValue_PrintsGoSyntaxWithSortedKeys()
    {
        var value = JsonNode.Parse("""{"b":[1,"x",null,true],"a":{"c":1.5}}""");

        Assert.Equal(
            "map[string]interface {}{\"a\":map[string]interface {}{\"c\":1.5}, \"b\":[]interface {}{1, \"x\", interface {}(nil), true}}",
            GoValueFormat.SharpV(value));
    }

    [Fact]
    public void Value_NestedValue_PrintsPercentV()
    {
        var value = JsonNode.Parse("""{"b":[1,"x y",null,false],"a":{"c":1.50},"d":1000000.0}""");

        Assert.Equal("map[a:map[c:1.5] b:[1 x y <nil> false] d:1e+06]", GoValueFormat.Value(value));
    }

    [Theory]
    [InlineData("{}", "map[string]interface {}")]
    [InlineData("[]", "[]interface {}")]
    [InlineData("\"s\"", "string")]
    [InlineData("true", "bool")]
    [InlineData("7", "int64")]
    [InlineData("7.0", "float64")]
    [InlineData("1e3", "float64")]
    [InlineData("null", "<nil>")]
    public void TypeName_Value_PrintsPercentT(string json, string expected) =>
        Assert.Equal(expected, GoValueFormat.TypeName(JsonNode.Parse(json)));
}
