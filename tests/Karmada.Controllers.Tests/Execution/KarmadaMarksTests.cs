using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Controllers.Execution;

namespace Karmada.Controllers.Tests.Execution;

public sealed class KarmadaMarksTests
{
    [Fact]
    public void IsManaged_ByLabelOrWorkAnnotations()
    {
        Assert.True(KarmadaMarks.IsManaged(ManifestApplyPlannerTests.ConfigMap(managed: true)));
        Assert.False(KarmadaMarks.IsManaged(ManifestApplyPlannerTests.ConfigMap(managed: false)));
        var annotatedOnly = ManifestApplyPlannerTests.ConfigMap(managed: true);
        annotatedOnly["metadata"]!["labels"]!.AsObject().Remove("karmada.io/managed");
        Assert.True(KarmadaMarks.IsManaged(annotatedOnly));
    }

    [Fact]
    public void WorkOf_ReadsWorkAnnotations()
    {
        Assert.Equal(new ObjectKey("karmada-es-m1", "w"), KarmadaMarks.WorkOf(ManifestApplyPlannerTests.ConfigMap(managed: true)));
        Assert.Null(KarmadaMarks.WorkOf(ManifestApplyPlannerTests.ConfigMap(managed: false)));
    }

    [Fact]
    public void Release_RemovesKarmadaMarksOnly()
    {
        var obj = ManifestApplyPlannerTests.ConfigMap(managed: true);
        obj["metadata"]!["labels"]!["work.karmada.io/permanent-id"] = "id";
        obj["metadata"]!["annotations"]!["resourcetemplate.karmada.io/uid"] = "uid";
        obj["metadata"]!["annotations"]!["team"] = "a";

        Assert.True(KarmadaMarks.Release(obj));

        Assert.Equal("""{"app":"web"}""", obj["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("""{"team":"a"}""", obj["metadata"]!["annotations"]!.ToJsonString());
        Assert.False(KarmadaMarks.Release(obj));
    }

    [Fact]
    public void DriftHandler_SkipsStatusOnlyUpdatesOfGenerationKinds()
    {
        var enqueued = new List<ObjectKey>();
        var handler = ExecutionController.DriftHandler(enqueued.Add);
        var old = ManifestApplyPlannerTests.Deployment(2);
        old["metadata"]!["generation"] = 1;
        old["metadata"]!["resourceVersion"] = "5";
        var statusOnly = old.DeepClone().AsObject();
        statusOnly["metadata"]!["resourceVersion"] = "6";
        statusOnly["status"] = new JsonObject { ["readyReplicas"] = 1 };
        var relabelled = statusOnly.DeepClone().AsObject();
        relabelled["metadata"]!["labels"]!["app"] = "x";

        handler.OnUpdate!(old, statusOnly);
        Assert.Empty(enqueued);
        handler.OnUpdate!(statusOnly, relabelled);
        handler.OnDelete!(relabelled);
        Assert.Equal([new ObjectKey("karmada-es-m1", "w"), new ObjectKey("karmada-es-m1", "w")], enqueued);
    }
}
