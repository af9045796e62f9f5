using Karmada.Client;
using Karmada.Controllers.Dependencies;
using Karmada.Controllers.Detector;
using Karmada.Interpreter;
using Karmada.Testing.ControlPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using static Karmada.Controllers.Tests.Dependencies.SharedConfigMapScenario;

namespace Karmada.Controllers.Tests.Dependencies;

/// <summary>
/// A burst of dependents of one ConfigMap attaching at once costs the attached binding a few writes, not one each:
/// the attached binding's writes are held at the API server until every dependent's distributor has recorded its
/// dependencies (which each does just before attaching), so all of them want to attach while the first write is in
/// flight, whatever the machine's speed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AttachBurstIntegrationTests : IAsyncLifetime
{
    private const string Namespace = "burst";
    private const string DistributorAgent = "deps-burst-distributor";
    private const int Dependents = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private readonly TaskCompletionSource _allRecorded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private InProcessControlPlane _controlPlane = null!;
    private KubeApiClient _client = null!;
    private KubeApiClient _distributorClient = null!;
    private int _recorded;
    private int _attachedWrites;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions { DirectoryPrefix = "deps-burst", ConfigurePipeline = HoldAttachedWrites },
            CancellationToken.None);
        _client = _controlPlane.Client;
        _distributorClient = new KubeApiClient(_controlPlane.Configuration, new KubeApiClientOptions { UserAgent = DistributorAgent });
    }

    public async Task DisposeAsync()
    {
        _allRecorded.TrySetResult();
        await _controlPlane.DisposeAsync();
        _distributorClient.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task BurstOfDependents_AttachWithFarFewerWritesThanDependents()
    {
        await CreateConfigMapAsync(_client, Namespace, Ct);
        var names = Enumerable.Range(0, Dependents).Select(i => $"app{i}").ToList();
        foreach (var name in names)
        {
            await _client.CreateAsync(Deployments, Deployment(Namespace, name), cancellationToken: Ct);
            await _client.CreateAsync(BindingStore.ResourceBindings, Namespace, Independent(Namespace, name, "member1"), BindingType, cancellationToken: Ct);
        }

        // A worker per dependent: with fewer, the workers waiting for the held write would keep the rest queued.
        await _controlPlane.AddHostedAsync(
            new DependenciesDistributor(_distributorClient, _controlPlane.Informers, ResourceInterpreter.CreateDefault(), Dependents, TimeProvider.System, NullLoggerFactory.Instance),
            CancellationToken.None);

        var attached = await _client.ReadUntilAsync(
            BindingStore.ResourceBindings, Namespace, "cfg-configmap", BindingType, b => b.Spec.RequiredBy.Count == Dependents, Deadline, "an entry per dependent", Ct);
        Assert.Equal(names.Select(n => $"{n}-deployment").Order(StringComparer.Ordinal), attached.Spec.RequiredBy.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.True(attached.Metadata.Labels.ContainsKey(AttachedBindings.DependedByLabel(Namespace, $"{n}-deployment"))));

        // Held, the first write carries one dependent and the next the others: two writes, a few more if a
        // dependent is slow to join. One write per dependent was the behaviour this replaces.
        Assert.InRange(Volatile.Read(ref _attachedWrites), 1, Dependents / 2);
    }

    private void HoldAttachedWrites(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Headers.UserAgent.ToString() != DistributorAgent)
        {
            await next(context);
            return;
        }

        var path = request.Path.Value ?? string.Empty;
        if ((request.Method == "POST" && path.EndsWith("/resourcebindings", StringComparison.Ordinal))
            || (request.Method == "PATCH" && path.EndsWith("/resourcebindings/cfg-configmap", StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _attachedWrites);
            await _allRecorded.Task.WaitAsync(Deadline, context.RequestAborted);
            await next(context);
            return;
        }

        await next(context);
        if (request.Method == "PATCH" && path.EndsWith("-deployment", StringComparison.Ordinal) && context.Response.StatusCode < 300
            && Interlocked.Increment(ref _recorded) == Dependents)
        {
            _allRecorded.TrySetResult();
        }
    });
}
