using System.Text.Json.Nodes;
using Karmada.ApiServer.Admission;
using Karmada.ApiServer.Defaulting;
using Karmada.ApiServer.Http;

namespace Karmada.ApiServer.Tests.Defaulting;

/// <summary>Upstream's <c>ValidatePodUpdate</c> spec rules.</summary>
public sealed class PodUpdateValidationTests
{
    [Fact]
    public void ImagesDeadlinesAddedTolerationsAndRemovedGatesMayChange()
    {
        var old = Pod("""{"containers":[{"name":"a","image":"nginx:1"}],"initContainers":[{"name":"i","image":"busybox:1"}],"activeDeadlineSeconds":60,"tolerations":[{"key":"k","operator":"Exists","tolerationSeconds":10}],"schedulingGates":[{"name":"g1"},{"name":"g2"}]}""");
        var updated = Pod("""{"containers":[{"name":"a","image":"nginx:2"}],"initContainers":[{"name":"i","image":"busybox:2"}],"activeDeadlineSeconds":30,"tolerations":[{"key":"k","operator":"Exists","tolerationSeconds":20},{"key":"new","operator":"Exists"}],"schedulingGates":[{"name":"g2"}]}""");

        Assert.Empty(Validate(old, updated));
    }

    [Fact]
    public void OtherSpecChangesAreForbidden()
    {
        var old = Pod("""{"containers":[{"name":"a","image":"nginx:1"}]}""");

        var nodeName = Assert.Single(Validate(old, Pod("""{"containers":[{"name":"a","image":"nginx:1"}],"nodeName":"n1"}""")));
        Assert.Equal("spec", nodeName.Field);
        Assert.StartsWith("Forbidden: pod updates may not change fields other than `spec.containers[*].image`", nodeName.Message, StringComparison.Ordinal);
        Assert.Contains("spec.nodeName", nodeName.Message, StringComparison.Ordinal);

        var added = Assert.Single(Validate(old, Pod("""{"containers":[{"name":"a","image":"nginx:1"},{"name":"b","image":"nginx:1"}]}""")));
        Assert.Equal("Forbidden: pod updates may not add or remove containers", added.Message);

        var env = Assert.Single(Validate(old, Pod("""{"containers":[{"name":"a","image":"nginx:1","env":[{"name":"X","value":"1"}]}]}""")));
        Assert.Equal("spec", env.Field);
    }

    [Fact]
    public void DeadlinesOnlyShrinkAndGatesOnlyGo()
    {
        var old = Pod("""{"containers":[{"name":"a","image":"nginx:1"}],"activeDeadlineSeconds":60,"schedulingGates":[{"name":"g1"}]}""");

        Assert.Equal("Invalid value: 90: must be less than or equal to previous value", Assert.Single(Validate(old, Pod("""{"containers":[{"name":"a","image":"nginx:1"}],"activeDeadlineSeconds":90,"schedulingGates":[{"name":"g1"}]}"""))).Message);
        Assert.Contains(Validate(old, Pod("""{"containers":[{"name":"a","image":"nginx:1"}],"activeDeadlineSeconds":60,"schedulingGates":[{"name":"g1"},{"name":"g2"}]}""")), c => c.Message == "Forbidden: only deletion is allowed, but found new scheduling gate 'g2'");
    }

    private static List<StatusCause> Validate(JsonObject old, JsonObject updated)
    {
        var errors = new FieldErrors();
        PodUpdateValidation.Validate(old, updated, errors);
        return [.. errors.Causes];
    }

    private static JsonObject Pod(string spec) => new() { ["metadata"] = new JsonObject { ["name"] = "p" }, ["spec"] = JsonNode.Parse(spec) };
}
