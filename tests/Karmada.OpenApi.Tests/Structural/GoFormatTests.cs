using System.Text.Json.Nodes;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Structural;

public sealed class GoFormatTests
{
    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(123456.0, "123456")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0")]
    public void Float_Value_PrintsLikeGoPercentV(double value, string expected) => Assert.Equal(expected, GoFormat.Float(value));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\"back\\slash", "\"quote\\\"back\\\\slash\"")]
    [InlineData("tab\tnew\nline", "\"tab\\tnew\\nline\"")]
    [InlineData("bell\u0007", "\"bell\\a\"")]
    [InlineData("ctl\u0001", "\"ctl\\x01\"")]
    [InlineData("héllo", "\"héllo\"")]
    public void Quote_Text_MatchesStrconvQuote(string text, string expected) => Assert.Equal(expected, GoFormat.Quote(text));

    [Fact]
    public void SharpV_NestedValue_PrintsGoSyntaxWithSortedKeys()
    {
        var value = JsonNode.Parse("""{"b":[1,"x",null,true],"a":{"c":1.5}}""");

        Assert.Equal("map[string]interface {}{\"a\":map[string]interface {}{\"c\":1.5}, \"b\":[]interface {}{1, \"x\", interface {}(nil), true}}", GoFormat.SharpV(value));
    }

    [Fact]
    public void Json_Value_MarshalsLikeGoWithSortedKeys()
    {
        Assert.Equal("""{"a":1,"b":"\u003cx\u003e","c":1e-7}""", GoFormat.Json(JsonNode.Parse("""{"c":0.0000001,"b":"<x>","a":1}""")));
    }

    [Fact]
    public void BadValue_Null_PrintsQuotedNull() => Assert.Equal("\"null\"", GoFormat.BadValue(null));
}
