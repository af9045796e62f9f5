using System.Text.Json.Nodes;

namespace Karmada.Json.Tests;

public sealed class JsonValuesTests
{
    [Theory]
    [InlineData("null", JsonKind.Null)]
    [InlineData("{}", JsonKind.Object)]
    [InlineData("[]", JsonKind.Array)]
    [InlineData("\"1\"", JsonKind.String)]
    [InlineData("1", JsonKind.Integer)]
    [InlineData("-9223372036854775808", JsonKind.Integer)]
    [InlineData("9223372036854775808", JsonKind.Float)]
    [InlineData("1.0", JsonKind.Float)]
    [InlineData("1e2", JsonKind.Float)]
    [InlineData("false", JsonKind.Boolean)]
    public void KindOf_ParsedValue_MatchesUnstructuredDecoding(string json, JsonKind expected) =>
        Assert.Equal(expected, JsonValues.KindOf(JsonNode.Parse(json)));

    [Fact]
    public void KindOf_ValuesBuiltInCode_ClassifiedByTheirJsonText()
    {
        Assert.Equal(JsonKind.Null, JsonValues.KindOf(null));
        Assert.Equal(JsonKind.Integer, JsonValues.KindOf(JsonValue.Create(3)));
        Assert.Equal(JsonKind.Float, JsonValues.KindOf(JsonValue.Create(3.5)));
        Assert.Equal(JsonKind.String, JsonValues.KindOf(JsonValue.Create("x")));
    }

    [Fact]
    public void NumericAccess_ReadsInt64AndFloat64()
    {
        Assert.True(JsonValues.TryGetInteger(JsonNode.Parse("42"), out var integer));
        Assert.Equal(42, integer);
        Assert.False(JsonValues.TryGetInteger(JsonNode.Parse("4.2"), out _));
        Assert.False(JsonValues.TryGetInteger(JsonNode.Parse("\"42\""), out _));
        Assert.True(JsonValues.TryGetDouble(JsonNode.Parse("4.2"), out var number));
        Assert.Equal(4.2, number);
        Assert.False(JsonValues.TryGetDouble(null, out _));
    }

    [Fact]
    public void StringAndNullAccess_DistinguishKinds()
    {
        Assert.Equal("a", JsonValues.AsString(JsonNode.Parse("\"a\"")));
        Assert.Null(JsonValues.AsString(JsonNode.Parse("1")));
        Assert.True(JsonValues.IsNull(JsonNode.Parse("null")));
        Assert.False(JsonValues.IsNull(JsonNode.Parse("0")));
        Assert.True(JsonValues.IsScalar(JsonNode.Parse("0")));
        Assert.False(JsonValues.IsScalar(JsonNode.Parse("[]")));
    }

    [Fact]
    public void IsSameJsonType_TreatsAllNumbersAsOneType()
    {
        Assert.True(JsonValues.IsSameJsonType(JsonKind.Integer, JsonKind.Float));
        Assert.True(JsonValues.IsSameJsonType(JsonKind.String, JsonKind.String));
        Assert.False(JsonValues.IsSameJsonType(JsonKind.String, JsonKind.Integer));
    }
}
