using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Controllers.Dependencies;
using Karmada.Controllers.Detector;
using Karmada.Interpreter;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;
using static Karmada.Controllers.Tests.Dependencies.SharedConfigMapScenario;

namespace Karmada.Controllers.Tests.Dependencies;

/// <summary>
/// The dependencies distributor against a real in-process control plane: one ConfigMap mounted by many workloads
/// (upstream's performance scenario) has one attached binding that all their distributors write at once. Each
/// workload must end with exactly one <c>requiredBy</c> entry and its label, follow its rescheduling, and leave on
/// deletion; the binding goes with the last one.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedDependencyIntegrationTests : IAsyncLifetime
{
    private const string Namespace = "shared";
    private const int Workloads = 12;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private InProcessControlPlane _controlPlane = null!;
    private KubeApiClient _client = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "deps-it" }, CancellationToken.None);
        _client = _controlPlane.Client;
        await _controlPlane.AddHostedAsync(
            new DependenciesDistributor(_client, _controlPlane.Informers, ResourceInterpreter.CreateDefault(), 4, TimeProvider.System, NullLoggerFactory.Instance),
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task SharedConfigMap_ManyWorkloadsAttachAtOnce_OneEntryEach_FollowReschedulingAndDeletion()
    {
        await CreateConfigMapAsync(_client, Namespace, Ct);
        var names = Enumerable.Range(0, Workloads).Select(i => $"app{i}").ToList();
        foreach (var name in names)
        {
            await _client.CreateAsync(Deployments, Deployment(Namespace, name), cancellationToken: Ct);
        }

        // Created already scheduled and all at once, so their distributors race for the one attached binding.
        await Task.WhenAll(names.Select((name, i) => _client.CreateAsync(BindingStore.ResourceBindings, Namespace, Independent(Namespace, name, $"member{i % 3}"), BindingType, cancellationToken: Ct)));

        var attached = await WaitForAttachedAsync(b => b.Spec.RequiredBy.Count == Workloads, "an entry per workload");
        var bindingNames = names.Select(n => $"{n}-deployment").ToList();
        Assert.Equal(bindingNames.Order(StringComparer.Ordinal), attached.Spec.RequiredBy.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(bindingNames, name => Assert.True(attached.Metadata.Labels.ContainsKey(AttachedBindings.DependedByLabel(Namespace, name))));
        Assert.Equal("member1", Assert.Single(attached.Spec.RequiredBy.Single(s => s.Name == "app1-deployment").Clusters).Name);

        // Rescheduled: its entry follows, in place.
        await UpdateIndependentAsync("app0-deployment", b => b.Spec.Clusters = [new TargetCluster { Name = "member9", Replicas = 1 }]);
        attached = await WaitForAttachedAsync(
            b => b.Spec.RequiredBy.SingleOrDefault(s => s.Name == "app0-deployment") is { Clusters: [{ Name: "member9" }] }, "app0 on member9");
        Assert.Equal(Workloads, attached.Spec.RequiredBy.Count);

        // Deleted: its entry and label leave, the others stay; its finalizer is released.
        await _client.DeleteAsync(BindingStore.ResourceBindings, Namespace, "app1-deployment", cancellationToken: Ct);
        attached = await WaitForAttachedAsync(b => b.Spec.RequiredBy.Count == Workloads - 1, "app1 gone");
        Assert.DoesNotContain(attached.Spec.RequiredBy, s => s.Name == "app1-deployment");
        Assert.False(attached.Metadata.Labels.ContainsKey(AttachedBindings.DependedByLabel(Namespace, "app1-deployment")));
        await Eventually.UntilAsync(async () => await GetOrNullAsync("app1-deployment") is null, Deadline, "app1 binding finalized", Ct);

        // Dependencies off everywhere: the attached binding goes with the last referrer.
        foreach (var name in names.Where(n => n != "app1"))
        {
            await UpdateIndependentAsync($"{name}-deployment", b => b.Spec.PropagateDeps = false);
        }

        await Eventually.UntilAsync(
            async () => await GetOrNullAsync("cfg-configmap") is not { Metadata.DeletionTimestamp: null },
            Deadline,
            "attached binding deleted",
            Ct);
    }


    private async Task UpdateIndependentAsync(string name, Action<ResourceBinding> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            var binding = await _client.GetAsync(BindingStore.ResourceBindings, Namespace, name, BindingType, Ct);
            change(binding);
            try
            {
                await _client.UpdateAsync(BindingStore.ResourceBindings, Namespace, name, binding, BindingType, cancellationToken: Ct);
                return;
            }
            catch (ApiException ex) when (ex.IsConflict() && attempt < 10)
            {
                // The distributor patched its marks in between.
            }
        }
    }

    private Task<ResourceBinding?> GetOrNullAsync(string name) =>
        _client.GetOrNullAsync(BindingStore.ResourceBindings, Namespace, name, BindingType, Ct);

    private Task<ResourceBinding> WaitForAttachedAsync(Func<ResourceBinding, bool> condition, string because) =>
        _client.ReadUntilAsync(BindingStore.ResourceBindings, Namespace, "cfg-configmap", BindingType, condition, Deadline, because, Ct);
}
