using System.Text.Json.Nodes;
using Karmada.Patching.Schema;
using Karmada.Patching.ServerSideApply;

namespace Karmada.Patching.Tests.ServerSideApply;

/// <summary>
/// The shortcuts of the update path (scoped comparison, reusing canonical FieldsV1 encodings) give exactly what the
/// general route gives.
/// </summary>
public sealed class UpdatePathEquivalenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 6, 0, 21, TimeSpan.Zero);
    private static readonly PatchMeta Deployment = BuiltInPatchMeta.For("apps", "v1", "Deployment");

    private const string Stored = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","uid":"u1","generation":2,"labels":{"app":"web","tier":"fe"},
                     "managedFields":[{"manager":"m","operation":"Update","apiVersion":"apps/v1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}]},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                             "spec":{"containers":[{"name":"a","image":"a:1","ports":[{"containerPort":80,"protocol":"TCP"}]},
                                                   {"name":"b","image":"b:1","env":[{"name":"X","value":"1"}]}]}}},
         "status":{"replicas":2,"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}
        """;

    // Changes everywhere: a label removed and one added, a container changed and one dropped, a port added, status changed.
    private const string Written = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","uid":"u1","generation":2,"labels":{"app":"web","zone":"z1"},
                     "managedFields":[{"manager":"other","operation":"Update","apiVersion":"apps/v1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:paused":{}}}}]},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                             "spec":{"containers":[{"name":"a","image":"a:2","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443,"protocol":"TCP"}]}]}}},
         "status":{"replicas":3,"conditions":[{"type":"Available","status":"False"}],"readyReplicas":1}}
        """;

    public static TheoryData<string> Scopes => ["main", "main-with-status", "status", "scale"];

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Compare_WithScope_EqualsFullComparisonFilteredByScope(string scopeName)
    {
        var scope = ScopeNamed(scopeName);
        var stored = JsonText.Parse(Stored);
        var written = JsonText.Parse(Written);

        var full = StructuredComparer.Compare(stored, written, Deployment).Where(scope.Tracks);
        var scoped = StructuredComparer.Compare(stored, written, Deployment, scope, ignoreManagedFields: false);

        AssertSameComparison(full, scoped);
        Assert.False(scoped.IsSame);
    }

    [Fact]
    public void Compare_IgnoringManagedFields_EqualsComparisonWithoutThem()
    {
        var stored = JsonText.Parse(Stored);
        var written = JsonText.Parse(Written);
        var strippedStored = JsonText.Parse(Stored);
        var strippedWritten = JsonText.Parse(Written);
        strippedStored["metadata"]!.AsObject().Remove("managedFields");
        strippedWritten["metadata"]!.AsObject().Remove("managedFields");

        var expected = StructuredComparer.Compare(strippedStored, strippedWritten, Deployment);
        var actual = StructuredComparer.Compare(stored, written, Deployment, scope: null, ignoreManagedFields: true);

        AssertSameComparison(expected, actual);
        Assert.DoesNotContain(actual.Changed, p => p.ToString().StartsWith(".metadata.managedFields", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"f:b":{},"f:a":{}}""", """{"f:a":{},"f:b":{}}""")]
    [InlineData("""{"f:a":{".":{}}}""", """{"f:a":{}}""")]
    [InlineData("""{"f:a":{"f:x":{},".":{}}}""", """{"f:a":{".":{},"f:x":{}}}""")]
    [InlineData("""{".":{},"f:a":{}}""", """{"f:a":{}}""")]
    [InlineData("""{"f:a":{".":{"f:junk":{}},"f:x":{}}}""", """{"f:a":{".":{},"f:x":{}}}""")]
    [InlineData("""{"f:ports":{"k:{\"protocol\":\"TCP\",\"containerPort\":80}":{}}}""", """{"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{}}}""")]
    [InlineData("""{"f:args":{"i:01":{}}}""", """{"f:args":{"i:1":{}}}""")]
    [InlineData("""{"f:list":{"i:2":{},"i:10":{}}}""", """{"f:list":{"i:2":{},"i:10":{}}}""")]
    [InlineData("""{"f:list":{"i:10":{},"i:2":{}}}""", """{"f:list":{"i:2":{},"i:10":{}}}""")]
    public void ToFieldsV1_DecodedEncoding_IsWhatThePathsEncodeTo(string stored, string expected)
    {
        var decoded = FieldSet.FromFieldsV1(JsonText.Parse(stored));

        Assert.Equal(expected, JsonText.Of(decoded.ToFieldsV1()));
        Assert.Equal(expected, JsonText.Of(new FieldSet(decoded).ToFieldsV1()));
    }

    [Fact]
    public void ToFieldsV1_DecodedCanonicalSet_IsACopyThatFollowsLaterChanges()
    {
        const string canonical = """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:image":{}}}}}}}""";
        var source = JsonText.Parse(canonical);
        var decoded = FieldSet.FromFieldsV1(source);

        var copy = decoded.ToFieldsV1();
        copy.Remove("f:spec");
        Assert.Equal(canonical, JsonText.Of(source));
        Assert.Equal(canonical, JsonText.Of(decoded.ToFieldsV1()));

        decoded.Add(FieldPath.Of(PathElement.Field("spec"), PathElement.Field("replicas")));
        Assert.Equal(
            """{"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:image":{}}}}}}}""",
            JsonText.Of(decoded.ToFieldsV1()));
    }

    [Fact]
    public void KeyOf_FieldNeedingEscapes_MarshalsLikeGo()
    {
        var key = PathElement.KeyOf([KeyValuePair.Create("we<ird", (JsonNode?)"v&1"), KeyValuePair.Create("a", (JsonNode?)1.5)]);

        Assert.Equal("""k:{"a":1.5,"we\u003cird":"v\u00261"}""", key.Text);
    }

    [Fact]
    public void Parse_RepeatedText_SharesScalarElementsOnly()
    {
        const string scalarKey = "k:{\"containerPort\":8443,\"protocol\":\"TCP\"}";
        const string objectKey = "k:{\"ref\":{\"name\":\"x\"}}";

        Assert.Same(PathElement.Parse(scalarKey), PathElement.Parse(scalarKey));
        Assert.NotSame(PathElement.Parse(objectKey), PathElement.Parse(objectKey));
        Assert.Equal(PathElement.Parse(objectKey), PathElement.Parse(objectKey));
        Assert.Equal(scalarKey, PathElement.Parse(scalarKey).Text);
    }

    // A history of writes by several managers through every scope: the managed fields each step stores, as the
    // update path computed them before it compared only the written scope and reused unchanged encodings.
    [Fact]
    public void RecordUpdate_HistoryOfWrites_StoresTheSameManagedFieldsAsTheGeneralRoute()
    {
        var steps = new List<string>();
        var created = FieldManager.RecordUpdate(null, JsonText.Parse(Stored.Replace("\"managedFields\"", "\"x-none\"", StringComparison.Ordinal)), "creator", "apps/v1", T0, Deployment);
        steps.Add(ManagedFieldsText(created));

        var status = Edit(created, o => o["status"]!["readyReplicas"] = 1);
        status = FieldManager.RecordUpdate(created, status, "agent", "apps/v1", T0.AddMinutes(1), Deployment, ManagedFieldsScope.Status);
        steps.Add(ManagedFieldsText(status));

        var spec = Edit(status, o =>
        {
            o["spec"]!["replicas"] = 5;
            o["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "a:2";
            o["metadata"]!["labels"]!.AsObject().Remove("tier");
        });
        spec = FieldManager.RecordUpdate(status, spec, "editor", "apps/v1", T0.AddMinutes(2), Deployment, ManagedFieldsScope.MainResource);
        steps.Add(ManagedFieldsText(spec));

        var status2 = Edit(spec, o => o["status"]!["conditions"]!.AsArray().RemoveAt(1));
        status2 = FieldManager.RecordUpdate(spec, status2, "agent", "apps/v1", T0.AddMinutes(3), Deployment, ManagedFieldsScope.Status);
        steps.Add(ManagedFieldsText(status2));

        var scaled = Edit(status2, o => o["spec"]!["replicas"] = 1);
        scaled = FieldManager.RecordUpdate(status2, scaled, "scaler", "apps/v1", T0.AddMinutes(4), Deployment, ManagedFieldsScope.ForSubresource("scale"));
        steps.Add(ManagedFieldsText(scaled));

        var same = Edit(scaled, _ => { });
        same = FieldManager.RecordUpdate(scaled, same, "creator", "apps/v1", T0.AddMinutes(5), Deployment, ManagedFieldsScope.MainResource);
        steps.Add(ManagedFieldsText(same));

        // Equal by value but written differently (80.0 for 80, members reordered): nothing changes hands.
        var reformatted = Edit(same, o =>
        {
            o["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"] = JsonNode.Parse("80.0");
            var labels = o["metadata"]!["labels"]!.AsObject();
            var app = labels["app"]!.DeepClone();
            labels.Remove("app");
            labels["app"] = app;
        });
        reformatted = FieldManager.RecordUpdate(same, reformatted, "formatter", "apps/v1", T0.AddMinutes(6), Deployment, ManagedFieldsScope.MainResource);
        steps.Add(ManagedFieldsText(reformatted));

        var reordered = Edit(reformatted, o =>
        {
            var conditions = o["status"]!["conditions"]!.AsArray();
            conditions.Insert(0, new JsonObject { ["type"] = "Progressing", ["status"] = "Unknown" });
        });
        reordered = FieldManager.RecordUpdate(reformatted, reordered, "agent", "apps/v1", T0.AddMinutes(7), Deployment, ManagedFieldsScope.Status);
        steps.Add(ManagedFieldsText(reordered));

        var golden = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ServerSideApply", "testdata", "update-history.managedfields.txt"));
        Assert.Equal(golden, steps);
    }

    private static JsonObject Edit(JsonObject stored, Action<JsonObject> edit)
    {
        var copy = stored.DeepClone().AsObject();
        edit(copy);
        return copy;
    }

    private static string ManagedFieldsText(JsonObject obj) => JsonText.Of(obj["metadata"]!["managedFields"]!);

    private static ManagedFieldsScope ScopeNamed(string name) => name switch
    {
        "main" => ManagedFieldsScope.MainResource,
        "main-with-status" => ManagedFieldsScope.MainResourceWithStatus,
        "status" => ManagedFieldsScope.Status,
        _ => ManagedFieldsScope.ForSubresource(name),
    };

    private static void AssertSameComparison(Comparison expected, Comparison actual)
    {
        Assert.Equal(Texts(expected.Added), Texts(actual.Added));
        Assert.Equal(Texts(expected.Modified), Texts(actual.Modified));
        Assert.Equal(Texts(expected.Removed), Texts(actual.Removed));
    }

    private static List<string> Texts(FieldSet set) => [.. set.Sorted().Select(p => p.ToString())];
}
