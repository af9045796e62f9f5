using System.Text.Json.Nodes;
using Karmada.Policy.Json;

namespace Karmada.Policy.Tests.Json;

public sealed class GoJsonTests
{
    [Fact]
    public void Serialize_EscapesLikeGo()
    {
        var node = JsonNode.Parse("""{"k":"<a&b> é \u2028 \"q\" \\ \n\u0001","n":1.50,"b":true,"z":null,"l":[]}""");

        Assert.Equal("{\"k\":\"\\u003ca\\u0026b\\u003e é \\u2028 \\\"q\\\" \\\\ \\n\\u0001\",\"n\":1.50,\"b\":true,\"z\":null,\"l\":[]}", GoJson.Serialize(node));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123456789.0, "123456789")]
    [InlineData(-2.5e-6, "-0.0000025")]
    public void FormatJson_Float_MatchesEncodingJson(double value, string expected)
    {
        Assert.Equal(expected, GoFloat.FormatJson(value));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(123456.0, "123456")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    public void FormatG_Float_MatchesStrconv(double value, string expected)
    {
        Assert.Equal(expected, GoFloat.FormatG(value));
    }
}
