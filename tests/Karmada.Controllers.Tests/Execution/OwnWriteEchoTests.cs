using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Controllers.Execution;

namespace Karmada.Controllers.Tests.Execution;

public sealed class OwnWriteEchoTests
{
    [Fact]
    public void The_add_event_of_the_version_just_written_is_an_echo_and_does_not_requeue_the_Work()
    {
        var applied = new AppliedVersionRecords();
        var created = Deployment(generation: 1);
        applied.Set("member1", ManifestIdentity.Of(created), AppliedVersion.Of(created, created));
        var enqueued = new List<ObjectKey>();
        var handler = ExecutionController.DriftHandler(enqueued.Add, applied);

        handler.OnAdd!(created);
        Assert.Empty(enqueued);
        Assert.True(ExecutionController.IsEchoOfOwnWrite(applied, created));

        // Another version (or an object this controller never wrote) is news.
        handler.OnAdd!(Deployment(generation: 2));
        Assert.Equal([new ObjectKey("karmada-es-member1", "web-work")], enqueued);
        Assert.False(ExecutionController.IsEchoOfOwnWrite(new AppliedVersionRecords(), created));
    }

    private static JsonObject Deployment(long generation) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject
        {
            ["name"] = "web",
            ["namespace"] = "demo",
            ["generation"] = generation,
            ["annotations"] = new JsonObject
            {
                [WellKnownAnnotations.WorkNamespace] = "karmada-es-member1",
                [WellKnownAnnotations.WorkName] = "web-work",
            },
        },
    };
}
