using Karmada.Client.Informers;
using Karmada.Client.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.Informers;

[Trait("Category", "Integration")]
public sealed class InformerFactoryTests : FakeApiServerTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task GetInformer_SameResourceAndScope_IsShared()
    {
        await using var factory = new InformerFactory(Client, timeProvider: new FakeTimeProvider());

        var first = factory.GetInformer(TestResources.Widgets);
        var again = factory.GetInformer(TestResources.Widgets, InformerScope.All);
        var scoped = factory.GetInformer(TestResources.Widgets, new InformerScope(Namespace: "ns"));
        var typed = factory.GetInformer(TestResources.Widgets, TestJsonContext.Default.TestWidget, TestWidget.Accessor);

        Assert.Same(first, again);
        Assert.NotSame(first, scoped);
        Assert.Equal("ns", scoped.Namespace);
        Assert.Equal(3, factory.Informers.Count);
        Assert.NotNull(typed);
    }

    [Fact]
    public async Task Start_StartsExistingAndLaterInformers()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "a"));
        Server.Put(TestResources.LeasesCollection, new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "l", ["namespace"] = "ns" },
        });
        await using var factory = new InformerFactory(Client, timeProvider: new FakeTimeProvider());
        var widgets = factory.GetInformer(TestResources.Widgets);

        await factory.StartAsync(cts.Token);
        var leases = factory.GetInformer(ResourceRef.Leases, new InformerScope(Namespace: "ns"));
        await factory.WaitForCacheSyncAsync(cts.Token);

        Assert.Equal(1, widgets.Indexer.Count);
        Assert.Equal("l", JsonObjectMeta.GetName(Assert.Single(leases.Indexer.List())));
        await factory.StopAsync(CancellationToken.None);
    }
}
