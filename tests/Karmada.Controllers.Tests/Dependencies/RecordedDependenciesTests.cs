using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Controllers.Dependencies;

namespace Karmada.Controllers.Tests.Dependencies;

public sealed class RecordedDependenciesTests
{
    private const string Recorded = """
        [{"apiVersion":"v1","kind":"ConfigMap","namespace":"app","name":"settings"},
         {"apiVersion":"v1","kind":"Secret","namespace":"app","labelSelector":{"matchLabels":{"tier":"web"}}}]
        """;

    private static readonly Dictionary<string, string> Annotations = new() { [WellKnownAnnotations.ResourceBindingDependencies] = Recorded };

    [Fact]
    public void A_named_dependency_matches_only_that_object_of_that_kind_and_namespace()
    {
        Assert.True(RecordedDependencies.Matches(Annotations, "app", "v1", "ConfigMap", Obj("app", "settings")));
        Assert.False(RecordedDependencies.Matches(Annotations, "app", "v1", "ConfigMap", Obj("app", "other")));
        Assert.False(RecordedDependencies.Matches(Annotations, "app", "v1", "ConfigMap", Obj("elsewhere", "settings")));
        Assert.False(RecordedDependencies.Matches(Annotations, "app", "v1", "Secret", Obj("app", "settings")));
    }

    [Fact]
    public void A_selected_dependency_matches_objects_whose_labels_the_selector_selects()
    {
        Assert.True(RecordedDependencies.Matches(Annotations, "app", "v1", "Secret", Obj("app", "any", ("tier", "web"))));
        Assert.False(RecordedDependencies.Matches(Annotations, "app", "v1", "Secret", Obj("app", "any", ("tier", "db"))));
        Assert.False(RecordedDependencies.Matches(Annotations, "app", "v1", "Secret", Obj("app", "any")));
    }

    [Fact]
    public void An_empty_namespace_in_the_record_means_the_bindings_namespace()
    {
        var annotations = new Dictionary<string, string> { [WellKnownAnnotations.ResourceBindingDependencies] = """[{"apiVersion":"v1","kind":"ConfigMap","name":"settings"}]""" };
        Assert.True(RecordedDependencies.Matches(annotations, "app", "v1", "ConfigMap", Obj("app", "settings")));
        Assert.False(RecordedDependencies.Matches(annotations, "app", "v1", "ConfigMap", Obj("other", "settings")));
    }

    [Fact]
    public void No_record_matches_nothing_and_a_damaged_record_matches_everything()
    {
        Assert.False(RecordedDependencies.Matches(new Dictionary<string, string>(), "app", "v1", "ConfigMap", Obj("app", "settings")));
        var damaged = new Dictionary<string, string> { [WellKnownAnnotations.ResourceBindingDependencies] = "{not json" };
        Assert.True(RecordedDependencies.Matches(damaged, "app", "v1", "ConfigMap", Obj("app", "settings")));
    }

    [Theory]
    [InlineData("""[{"apiVersion":1,"kind":"ConfigMap","name":"settings"}]""")]
    [InlineData("""[{"apiVersion":"v1","kind":"ConfigMap","name":{"first":"settings"}}]""")]
    [InlineData("""[{"apiVersion":"v1","kind":"Secret","labelSelector":{"matchLabels":"tier"}}]""")]
    [InlineData("null")]
    public void A_record_with_a_field_of_the_wrong_type_matches_everything(string recorded)
    {
        var damaged = new Dictionary<string, string> { [WellKnownAnnotations.ResourceBindingDependencies] = recorded };

        // Asked twice: the second answer comes from the parsed record the first one left.
        Assert.True(RecordedDependencies.Matches(damaged, "app", "v1", "ConfigMap", Obj("app", "other")));
        Assert.True(RecordedDependencies.Matches(damaged, "app", "v1", "ConfigMap", Obj("app", "other")));
    }

    private static JsonObject Obj(string ns, string name, params (string Key, string Value)[] labels)
    {
        var labelObject = new JsonObject();
        foreach (var (key, value) in labels)
        {
            labelObject[key] = value;
        }

        return new JsonObject { ["metadata"] = new JsonObject { ["namespace"] = ns, ["name"] = name, ["labels"] = labelObject } };
    }
}
