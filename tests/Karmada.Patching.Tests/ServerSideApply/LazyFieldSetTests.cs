using System.Text.Json.Nodes;
using Karmada.Patching.ServerSideApply;

namespace Karmada.Patching.Tests.ServerSideApply;

/// <summary>
/// A set decoded from a canonical FieldsV1 object answers from that object until something needs its paths: every
/// answer must equal the one the decoded paths give.
/// </summary>
public sealed class LazyFieldSetTests
{
    private const string Canonical = """
        {"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:image":{},"f:name":{}}}}}},"f:status":{"f:conditions":{"k:{\"type\":\"Ready\"}":{".":{},"f:status":{}}},"f:phase":{}}}
        """;

    private static FieldPath P(params string[] texts) => FieldPath.FromElements([.. texts.Select(PathElement.Parse)]);

    private static FieldSet Eager(string fieldsV1) => new(FieldSet.FromFieldsV1(JsonText.Parse(fieldsV1)).ToList());

    public static TheoryData<string[]> Probes =>
    [
        ["f:spec", "f:replicas"],
        ["f:spec"],
        ["f:metadata", "f:labels"],
        ["f:metadata", "f:labels", "f:app"],
        ["f:metadata", "f:labels", "f:tier"],
        ["f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"a\"}"],
        ["f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"a\"}", "f:image"],
        ["f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"b\"}"],
        ["f:status", "f:phase"],
        ["f:status", "f:phase", "f:x"],
        ["f:status", "f:conditions"],
        ["f:paused"],
    ];

    [Theory]
    [MemberData(nameof(Probes))]
    public void Contains_FromTheEncoding_EqualsTheDecodedPaths(string[] path)
    {
        var lazy = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        Assert.Equal(Eager(Canonical).Contains(P(path)), lazy.Contains(P(path)));
    }

    [Fact]
    public void IntersectAndOverlaps_WithADecodedSet_EqualTheDecodedAnswers()
    {
        var changed = new FieldSet([P("f:spec", "f:replicas"), P("f:status", "f:phase"), P("f:spec", "f:paused"), P("f:metadata", "f:labels")]);
        var untouched = new FieldSet([P("f:spec", "f:paused"), P("f:metadata", "f:annotations")]);

        var lazy = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        var eager = Eager(Canonical);

        Assert.Equal(eager.Intersect(changed).Sorted().Select(p => p.ToString()), lazy.Intersect(changed).Sorted().Select(p => p.ToString()));
        Assert.Equal(eager.Intersect(changed).Sorted().Select(p => p.ToString()), changed.Intersect(FieldSet.FromFieldsV1(JsonText.Parse(Canonical))).Sorted().Select(p => p.ToString()));
        Assert.True(lazy.Overlaps(changed));
        Assert.False(FieldSet.FromFieldsV1(JsonText.Parse(Canonical)).Overlaps(untouched));
        Assert.False(untouched.Overlaps(FieldSet.FromFieldsV1(JsonText.Parse(Canonical))));
    }

    [Fact]
    public void ContainsAll_IsSubsetOfTheDecodedPaths()
    {
        var lazy = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        Assert.True(lazy.ContainsAll(new FieldSet([P("f:spec", "f:replicas"), P("f:status", "f:phase")])));
        Assert.False(lazy.ContainsAll(new FieldSet([P("f:spec", "f:replicas"), P("f:spec")])));
        Assert.True(lazy.ContainsAll(new FieldSet()));
        Assert.True(lazy.ContainsAll(Eager(Canonical)));
    }

    [Fact]
    public void UntouchedSet_EncodesAsItsSource_AndDecodesOnDemand()
    {
        var lazy = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        Assert.Equal(Canonical.Trim(), JsonText.Of(lazy.ToFieldsV1()));
        Assert.False(lazy.IsEmpty);
        Assert.Equal(Eager(Canonical).Count, lazy.Count);
        Assert.Equal(Eager(Canonical).Sorted().Select(p => p.ToString()), lazy.Sorted().Select(p => p.ToString()));
        Assert.Equal(Canonical.Trim(), JsonText.Of(lazy.ToFieldsV1()));
    }

    [Fact]
    public void Add_ToALazySet_DecodesFirstAndDropsTheSource()
    {
        var lazy = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        var expected = Eager(Canonical);
        expected.Add(P("f:spec", "f:paused"));

        Assert.True(lazy.Add(P("f:spec", "f:paused")));
        Assert.Equal(JsonText.Of(expected.ToFieldsV1()), JsonText.Of(lazy.ToFieldsV1()));
        Assert.Contains("f:paused", JsonText.Of(lazy.ToFieldsV1()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{".":{},"f:a":{}}""")]
    [InlineData("""{"f:b":{},"f:a":{}}""")]
    [InlineData("""{"f:a":{"f:x":{},".":{}}}""")]
    [InlineData("""{"f:a":{".":{}}}""")]
    public void NonCanonicalEncodings_AreDecodedAsBefore(string fieldsV1)
    {
        var set = FieldSet.FromFieldsV1(JsonText.Parse(fieldsV1));
        var viaPaths = new FieldSet(set.ToList());
        Assert.Equal(JsonText.Of(viaPaths.ToFieldsV1()), JsonText.Of(set.ToFieldsV1()));
        foreach (var path in viaPaths)
        {
            Assert.True(set.Contains(path));
        }
    }

    [Fact]
    public void MalformedEncodings_StillFail()
    {
        Assert.Throws<FormatException>(() => FieldSet.FromFieldsV1(JsonText.Parse("""{"f:a":{"f:b":1}}""")));
        Assert.Throws<FormatException>(() => FieldSet.FromFieldsV1(JsonText.Parse("""{"x:a":{}}""")));
    }

    [Fact]
    public void RepeatedWriterOfOwnedFields_KeepsItsEntryEncodingByteForByte()
    {
        const string stored = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"d","uid":"u",
             "managedFields":[{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2026-11-28T06:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}]},
             "spec":{"containers":[{"name":"a","image":"a"}]},"status":{"phase":"Pending"}}
            """;
        var old = JsonText.Parse(stored);
        var written = (JsonObject)old.DeepClone();
        written["status"]!["phase"] = "Running";

        FieldManager.RecordUpdate(old, written, "kubelet", "v1", new DateTimeOffset(2026, 11, 28, 6, 0, 5, TimeSpan.Zero), Karmada.Patching.Schema.BuiltInPatchMeta.For("", "v1", "Pod"), ManagedFieldsScope.Status);

        Assert.Equal(
            """[{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2026-11-28T06:00:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}]""",
            JsonText.Of(written["metadata"]!["managedFields"]!));
    }
    [Fact]
    public void SameTextDecodedTwice_GivesIndependentSets()
    {
        var first = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        var second = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        Assert.NotSame(first, second);

        first.Add(P("f:spec", "f:paused"));

        Assert.True(first.Contains(P("f:spec", "f:paused")));
        Assert.False(second.Contains(P("f:spec", "f:paused")));
        Assert.False(FieldSet.FromFieldsV1(JsonText.Parse(Canonical)).Contains(P("f:spec", "f:paused")));
        Assert.Equal(Canonical.Trim(), JsonText.Of(second.ToFieldsV1()));
        Assert.Equal(Canonical.Trim(), JsonText.Of(FieldSet.FromFieldsV1(JsonText.Parse(Canonical)).ToFieldsV1()));
    }

    [Fact]
    public void DecodedEncoding_IsAnObjectOfItsOwn()
    {
        var set = FieldSet.FromFieldsV1(JsonText.Parse(Canonical));
        var encoded = set.ToFieldsV1();
        encoded.Remove("f:spec");

        Assert.Equal(Canonical.Trim(), JsonText.Of(set.ToFieldsV1()));
        Assert.Equal(Canonical.Trim(), JsonText.Of(FieldSet.FromFieldsV1(JsonText.Parse(Canonical)).ToFieldsV1()));
    }

    [Fact]
    public void ElementsWithStructuredValues_AreDecodedPerCall()
    {
        const string structured = """{"f:spec":{"f:items":{"v:{\"a\":1}":{}}}}""";
        var first = FieldSet.FromFieldsV1(JsonText.Parse(structured));
        var second = FieldSet.FromFieldsV1(JsonText.Parse(structured));
        Assert.Equal(structured, JsonText.Of(first.ToFieldsV1()));
        Assert.Equal(first.Sorted().Select(p => p.ToString()), second.Sorted().Select(p => p.ToString()));
    }
}
