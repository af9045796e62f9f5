using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Karmada.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Karmada.Scheduler.Service.Tests;

/// <summary>
/// How many writes a scheduling decision costs, counted with the scheduler client's own
/// <c>rest_client_requests_total</c> (PATCH, tagged with a user agent unique to the test) and with the binding's
/// watch events: one patch of the <c>scheduling</c> subresource against our API server, and the spec-then-status
/// pair against a server that does not serve it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SchedulingWriteIntegrationTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    private CancellationToken Ct => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task EveryDecisionIsOnePatchAndOneWatchEvent()
    {
        await using var controlPlane = await ControlPlane.StartAsync();
        await controlPlane.CreateReadyClusterAsync("member1", Ct);
        await controlPlane.CreateReadyClusterAsync("member2", Ct);
        var agent = "sched-one-write-" + Guid.NewGuid().ToString("N");
        using var patches = new PatchCounter(agent);
        await controlPlane.StartSchedulerAsync(userAgent: agent);
        using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var from = (await controlPlane.Client.ListAsync(SchedulerResources.ResourceBindings, "default", cancellationToken: Ct)).ResourceVersion;
        var modifications = 0;
        var watching = CountModificationsAsync(controlPlane.Client, "api", from, () => Interlocked.Increment(ref modifications), watchStop.Token);

        await controlPlane.CreateBindingAsync(TestObjects.Binding("api", 3, TestObjects.StaticWeights(("member1", 1), ("member2", 2))), Ct);
        var first = await controlPlane.WaitForBindingAsync("api", ControlPlane.IsScheduled, "api scheduled", Ct);
        Assert.Equal("member1:1,member2:2", TestObjects.Describe(first.Spec.Clusters));
        Assert.Equal(2, first.Metadata.Generation);
        Assert.Contains("policy.karmada.io/applied-placement", first.Metadata.Annotations.Keys);
        Assert.NotNull(first.Status.LastScheduledTime);

        // A scale-up (our write: generation 3) is rescheduled with one more write (generation 4, observed 4).
        await controlPlane.Client.PatchAsync(SchedulerResources.ResourceBindings, "default", "api", PatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 6 } }, cancellationToken: Ct);
        var second = await controlPlane.WaitForBindingAsync("api", b => ControlPlane.IsScheduled(b) && b.Spec.Replicas == 6, "api rescheduled", Ct);
        Assert.Equal("member1:2,member2:4", TestObjects.Describe(second.Spec.Clusters));
        Assert.Equal(4, second.Metadata.Generation);

        // One worker takes keys in order: once a later binding is scheduled, any rerun of "api" has happened too.
        await controlPlane.CreateBindingAsync(TestObjects.Binding("barrier", 1, TestObjects.Duplicated("member1")), Ct);
        await controlPlane.WaitForBindingAsync("barrier", ControlPlane.IsScheduled, "barrier scheduled", Ct);
        await watchStop.CancelAsync();
        await watching;
        Assert.Equal(3, patches.Count);
        Assert.Equal(3, modifications); // two decisions and the test's own scale-up
        Assert.Equal(second.Metadata.ResourceVersion, (await controlPlane.GetBindingAsync("api", Ct)).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task WithoutTheSubresourceADecisionIsASpecPatchAndAStatusPatch()
    {
        var refused = 0;
        await using var controlPlane = await ControlPlane.StartAsync(app => app.Use(async (context, next) =>
        {
            // What a kube-apiserver serving Karmada's CRDs answers for a subresource the CRD does not declare.
            if (context.Request.Path.Value?.EndsWith("/scheduling", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref refused);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}""");
                return;
            }

            await next(context);
        }));
        await controlPlane.CreateReadyClusterAsync("member1", Ct);
        await controlPlane.CreateReadyClusterAsync("member2", Ct);
        var agent = "sched-two-writes-" + Guid.NewGuid().ToString("N");
        using var patches = new PatchCounter(agent);
        await controlPlane.StartSchedulerAsync(userAgent: agent);

        await controlPlane.CreateBindingAsync(TestObjects.Binding("web", 2, TestObjects.Duplicated()), Ct);
        var web = await controlPlane.WaitForBindingAsync("web", ControlPlane.IsScheduled, "web scheduled", Ct);
        Assert.Equal("member1:2,member2:2", TestObjects.Describe(web.Spec.Clusters));
        Assert.Equal(2, web.Metadata.Generation);

        // The first 404 settles it: the next decision goes straight to the two writes.
        await controlPlane.CreateBindingAsync(TestObjects.Binding("barrier", 1, TestObjects.Duplicated("member1")), Ct);
        await controlPlane.WaitForBindingAsync("barrier", ControlPlane.IsScheduled, "barrier scheduled", Ct);
        Assert.Equal(1, refused);
        Assert.Equal(5, patches.Count);
    }

    private static async Task CountModificationsAsync(KubeApiClient client, string name, string? fromResourceVersion, Action onModified, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in client.WatchAsync(SchedulerResources.ResourceBindings, "default", new WatchOptions { ResourceVersion = fromResourceVersion }, cancellationToken))
            {
                if (change.Type == WatchEventType.Modified && (string?)change.Object["metadata"]?["name"] == name)
                {
                    onModified();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Counts PATCH requests of one client, by its user agent, from <c>rest_client_requests_total</c>.</summary>
    private sealed class PatchCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly string _userAgent;
        private long _count;

        public PatchCounter(string userAgent)
        {
            _userAgent = userAgent;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Karmada.Client.Rest" && instrument.Name == "rest_client_requests_total")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>(OnMeasurement);
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();

        private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            string? agent = null, verb = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "user_agent")
                {
                    agent = tag.Value as string;
                }
                else if (tag.Key == "verb")
                {
                    verb = tag.Value as string;
                }
            }

            if (agent == _userAgent && verb == "PATCH")
            {
                Interlocked.Add(ref _count, value);
            }
        }
    }
}
