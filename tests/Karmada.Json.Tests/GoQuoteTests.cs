namespace Karmada.Json.Tests;

public sealed class GoQuoteTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("", "\"\"")]
    [InlineData("quote\"back\\slash", "\"quote\\\"back\\\\slash\"")]
    [InlineData("tab\tnew\nline\rcr", "\"tab\\tnew\\nline\\rcr\"")]
    [InlineData("\a\b\f\v", "\"\\a\\b\\f\\v\"")]
    [InlineData("ctl\u0001\u007f", "\"ctl\\x01\\x7f\"")]
    [InlineData("héllo 世界", "\"héllo 世界\"")]
    [InlineData("<&>", "\"<&>\"")]
    public void Quote_Text_MatchesStrconvQuote(string text, string expected) => Assert.Equal(expected, GoQuote.Quote(text));

    [Theory]
    [InlineData("nb\u00a0sp", "\"nb\\u00a0sp\"")]
    [InlineData("zw\u200bsp", "\"zw\\u200bsp\"")]
    [InlineData("ls\u2028", "\"ls\\u2028\"")]
    [InlineData("pua\ue000", "\"pua\\ue000\"")]
    [InlineData("pua\U000F0000", "\"pua\\U000f0000\"")]
    [InlineData("emoji\U0001F600", "\"emoji\U0001F600\"")]
    public void Quote_NonPrintableRunes_EscapedAsUnicodeIsPrintDecides(string text, string expected) =>
        Assert.Equal(expected, GoQuote.Quote(text));
}
