using System.Text.Json.Nodes;

namespace Karmada.Json.Tests;

public sealed class GoJsonTests
{
    [Fact]
    public void Marshal_AsWritten_KeepsKeyOrderAndNumberText()
    {
        var node = JsonNode.Parse("""{"k":"<a&b> é \u2028 \"q\" \\ \n\u0001","n":1.50,"b":true,"z":null,"l":[]}""");

        Assert.Equal(
            "{\"k\":\"\\u003ca\\u0026b\\u003e é \\u2028 \\\"q\\\" \\\\ \\n\\u0001\",\"n\":1.50,\"b\":true,\"z\":null,\"l\":[]}",
            GoJson.Marshal(node, GoJsonKeyOrder.AsWritten, GoJsonNumbers.AsWritten));
    }

    [Fact]
    public void Marshal_Defaults_SortKeysAndReencodeNumbersLikeJsonMarshalOfAMap()
    {
        var node = JsonNode.Parse("""{"c":0.0000001,"b":"<x>","a":1,"d":1.50,"e":1.0,"f":-0,"g":1e2,"h":[{"z":1,"y":2}]}""");

        Assert.Equal("""{"a":1,"b":"\u003cx\u003e","c":1e-7,"d":1.5,"e":1,"f":0,"g":100,"h":[{"y":2,"z":1}]}""", GoJson.Marshal(node));
    }

    [Theory]
    [InlineData("\b\f", "\"\\b\\f\"")]
    [InlineData("\u0000\u001f\u007f", "\"\\u0000\\u001f\u007f\"")]
    [InlineData("\u2029", "\"\\u2029\"")]
    [InlineData("\U0001F600", "\"\U0001F600\"")]
    public void Marshal_String_EscapesLikeGo122(string text, string expected) => Assert.Equal(expected, GoJson.Marshal(JsonValue.Create(text)));

    [Fact]
    public void Marshal_LoneSurrogate_WrittenAsReplacementCharacter() =>
        Assert.Equal("\"lone\ufffd\"", GoJson.Marshal(JsonValue.Create("lone" + (char)0xD800)));

    [Fact]
    public void Marshal_NumbersBuiltInCode_WrittenAsGoFloat64EvenWhenAsWritten()
    {
        var node = new JsonObject { ["f"] = 1e-7, ["i"] = 42L, ["d"] = 2.0 };

        Assert.Equal("""{"f":1e-7,"i":42,"d":2}""", GoJson.Marshal(node, GoJsonKeyOrder.AsWritten, GoJsonNumbers.AsWritten));
    }

    [Theory]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("9223372036854775808", "9223372036854776000")]
    [InlineData("1e21", "1e+21")]
    [InlineData("-0.5", "-0.5")]
    public void Number_Text_WrittenAsTheInt64OrFloat64ItDecodesTo(string text, string expected) =>
        Assert.Equal(expected, GoJson.Number(JsonNode.Parse(text)!));

    [Fact]
    public void Marshal_Null_IsNullLiteral() => Assert.Equal("null", GoJson.Marshal(null));
}
