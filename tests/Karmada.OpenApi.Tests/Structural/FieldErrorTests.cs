using System.Text.Json.Nodes;
using Karmada.OpenApi.Structural;

namespace Karmada.OpenApi.Tests.Structural;

public sealed class FieldErrorTests
{
    [Theory]
    [InlineData("null", "Invalid value: \"null\": detail")]
    [InlineData("\"x\\ty\"", "Invalid value: \"x\\ty\": detail")]
    [InlineData("3", "Invalid value: 3: detail")]
    [InlineData("1000000.5", "Invalid value: 1.0000005e+06: detail")]
    [InlineData("""{"b":[1,null],"a":true}""", "Invalid value: map[string]interface {}{\"a\":true, \"b\":[]interface {}{1, interface {}(nil)}}: detail")]
    public void ErrorBody_BadValue_PrintedAsFieldErrorDoes(string json, string expected) =>
        Assert.Equal(expected, FieldError.Invalid("spec.x", JsonNode.Parse(json), "detail").ErrorBody);

    [Fact]
    public void NotSupported_ValidValues_QuotedLikeStrconv() =>
        Assert.Equal(
            "Unsupported value: \"c\": supported values: \"a\", \"b\\n\"",
            FieldError.NotSupported("spec.x", JsonValue.Create("c"), ["a", "b\n"]).ErrorBody);
}
