using System.Text.Json.Nodes;

namespace Karmada.Json.Tests;

public sealed class JsonValueComparerTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1e2", "100")]
    [InlineData("null", "null")]
    [InlineData("""{"a":[1,"x",{"b":true}],"c":null}""", """{"c":null,"a":[1.0,"x",{"b":true}]}""")]
    public void AreEqual_SameValue_True(string left, string right) =>
        Assert.True(JsonValueComparer.AreEqual(JsonNode.Parse(left), JsonNode.Parse(right)));

    [Theory]
    [InlineData("1", "\"1\"")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("""{"a":1}""", """{"a":1,"b":1}""")]
    [InlineData("""{"a":1}""", """{"b":1}""")]
    [InlineData("true", "false")]
    [InlineData("null", "0")]
    public void AreEqual_DifferentValue_False(string left, string right) =>
        Assert.False(JsonValueComparer.AreEqual(JsonNode.Parse(left), JsonNode.Parse(right)));

    [Fact]
    public void AreEqual_NullNodeAndJsonNull_Equal() => Assert.True(JsonValueComparer.AreEqual(null, JsonNode.Parse("null")));

    [Theory]
    [InlineData("1", "1.5", -1)]
    [InlineData("2", "1.5", 1)]
    [InlineData("9", "\"a\"", -1)]
    [InlineData("\"a\"", "true", -1)]
    [InlineData("true", "[]", -1)]
    [InlineData("[]", "{}", -1)]
    [InlineData("{}", "null", -1)]
    [InlineData("[1,2]", "[1]", 1)]
    [InlineData("""{"a":1}""", """{"b":0}""", -1)]
    [InlineData("""{"a":2}""", """{"a":1}""", 1)]
    [InlineData("\"b\"", "\"a\"", 1)]
    [InlineData("1.0", "1", 0)]
    public void Compare_Values_StructuredMergeDiffOrder(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(JsonValueComparer.Compare(JsonNode.Parse(left), JsonNode.Parse(right))));
}
