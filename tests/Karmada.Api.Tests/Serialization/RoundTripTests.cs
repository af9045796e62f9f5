using System.Text.Json.Nodes;

namespace Karmada.Api.Tests.Serialization;

/// <summary>
/// Every manifest under <c>testdata/</c> is written in the form Go emits for it; reading it into the typed model and
/// writing it back must give the same JSON tree.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Manifests() => [.. TestData.ManifestFiles()];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void RoundTrip_UpstreamManifest_ReserializesToSameTree(string file)
    {
        var original = TestData.ReadNode(file);
        var type = TypeOf(original);

        var typed = KarmadaJson.Deserialize(original.ToJsonString(), type);
        var written = KarmadaJson.Serialize(typed, type);

        JsonAssert.Equivalent(original, JsonNode.Parse(written));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void DeepClone_UpstreamManifest_EqualTreeAndNoSharedState(string file)
    {
        var original = TestData.ReadNode(file);
        var type = TypeOf(original);
        var typed = KarmadaJson.Deserialize(original.ToJsonString(), type);

        var clone = typeof(KarmadaJson).GetMethod(nameof(KarmadaJson.DeepClone))!.MakeGenericMethod(type).Invoke(null, [typed])!;

        Assert.NotSame(typed, clone);
        JsonAssert.Equivalent(JsonNode.Parse(KarmadaJson.Serialize(typed, type)), JsonNode.Parse(KarmadaJson.Serialize(clone, type)));
    }

    [Fact]
    public void Manifests_CoverEveryKind()
    {
        var kinds = TestData.ManifestFiles()
            .Select(f => (string)TestData.ReadNode(f)["kind"]!)
            .ToHashSet(StringComparer.Ordinal);

        var missing = KarmadaResources.All.Select(r => r.Kind).Where(k => !kinds.Contains(k)).ToList();

        Assert.Empty(missing);
    }

    private static Type TypeOf(JsonObject manifest)
    {
        var apiVersion = (string)manifest["apiVersion"]!;
        var kind = (string)manifest["kind"]!;
        var isList = kind.EndsWith("List", StringComparison.Ordinal);
        var resource = KarmadaResources.FindByKind(apiVersion, isList ? kind[..^4] : kind);
        Assert.NotNull(resource);
        return isList ? resource.ListType : resource.Type;
    }
}
