using Karmada.Cli;
using Karmada.Cli.Manifests;

namespace Karmada.Controllers.Tests.Cli;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Parse_MultiDocumentYaml_ReturnsEveryObject()
    {
        var objects = ManifestReader.Parse("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# comment only\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n", "test");

        Assert.Equal(["a", "b"], objects.Select(o => (string?)o["metadata"]!["name"]));
    }

    [Fact]
    public void Parse_JsonList_IsFlattened()
    {
        var objects = ManifestReader.Parse("""{"apiVersion":"v1","kind":"List","items":[{"kind":"ConfigMap","metadata":{"name":"a"}},{"kind":"ConfigMap","metadata":{"name":"b"}}]}""", "test");

        Assert.Equal(2, objects.Count);
    }

    [Fact]
    public void Parse_Invalid_NamesTheSource()
    {
        var error = Assert.Throws<CliException>(() => ManifestReader.Parse("a: [b\n", "bad.yaml"));
        Assert.Contains("bad.yaml", error.Message, StringComparison.Ordinal);
    }
}
