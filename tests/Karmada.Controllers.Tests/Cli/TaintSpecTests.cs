using Karmada.Api.Core;
using Karmada.Cli;

namespace Karmada.Controllers.Tests.Cli;

public sealed class TaintSpecTests
{
    [Theory]
    [InlineData("k=v:NoSchedule", "k", "v", TaintEffect.NoSchedule, false)]
    [InlineData("k:NoExecute", "k", null, TaintEffect.NoExecute, false)]
    [InlineData("k:NoSchedule-", "k", null, TaintEffect.NoSchedule, true)]
    [InlineData("k-", "k", null, null, true)]
    [InlineData("example.io/k=v:PreferNoExecute", "example.io/k", "v", TaintEffect.PreferNoExecute, false)]
    public void Parse_Forms(string text, string key, string? value, TaintEffect? effect, bool remove) =>
        Assert.Equal(new TaintSpec(key, value, effect, remove), TaintSpec.Parse(text));

    [Theory]
    [InlineData("k=v")]
    [InlineData("k=v:Bogus")]
    [InlineData("=v:NoSchedule")]
    public void Parse_Invalid_Throws(string text) => Assert.Throws<CliException>(() => TaintSpec.Parse(text));

    [Fact]
    public void ApplyTo_ExistingWithOtherValue_NeedsOverwrite()
    {
        var taints = new List<Taint> { new() { Key = "k", Value = "a", Effect = TaintEffect.NoSchedule } };
        Assert.Throws<CliException>(() => TaintSpec.Parse("k=b:NoSchedule").ApplyTo(taints, overwrite: false));
        TaintSpec.Parse("k=b:NoSchedule").ApplyTo(taints, overwrite: true);
        Assert.Equal("b", Assert.Single(taints).Value);
        TaintSpec.Parse("k-").ApplyTo(taints, overwrite: false);
        Assert.Empty(taints);
    }
}
