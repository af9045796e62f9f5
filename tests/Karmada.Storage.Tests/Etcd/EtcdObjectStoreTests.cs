using Karmada.Storage.Etcd;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Tests.Etcd;

[Trait("Category", "Integration")]
public sealed class EtcdObjectStoreTests(EtcdServerFixture etcd) : ObjectStoreConformanceTests, IClassFixture<EtcdServerFixture>
{
    private readonly List<EtcdServer> _privateServers = [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var server in _privateServers)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stores_DifferentRootPrefixesOnOneEtcd_DoNotSeeEachOther()
    {
        var first = (EtcdObjectStore)await NewStoreAsync();
        var second = (EtcdObjectStore)await NewStoreAsync();
        var start = await first.GetCurrentRevisionAsync(Ct);

        await first.CreateAsync("/registry/core/pods/ns/a", Bytes("first"), Ct);
        await second.CreateAsync("/registry/core/pods/ns/a", Bytes("second"), Ct);
        await first.CreateAsync("/registry/core/pods/ns/zz-sentinel", Bytes("end"), Ct);

        Assert.NotEqual(first.RootPrefix, second.RootPrefix);
        Assert.Equal(Bytes("first"), (await first.GetAsync("/registry/core/pods/ns/a", Ct))!.Value.ToArray());
        Assert.Equal(Bytes("second"), (await second.GetAsync("/registry/core/pods/ns/a", Ct))!.Value.ToArray());
        Assert.Single((await second.ListAsync("/registry/", ListRequest.All, Ct)).Items);
        var events = await CollectUntilAsync(first, "/registry/", start, "/registry/core/pods/ns/zz-sentinel");
        Assert.Equal(Bytes("first"), Assert.Single(events).Value.ToArray());
    }

    [Fact]
    public async Task List_EmptyPrefix_ListsOnlyThisStoresKeys()
    {
        var store = await NewStoreAsync();
        var other = await NewStoreAsync();
        await store.CreateAsync("/a", Bytes("a"), Ct);
        await other.CreateAsync("/b", Bytes("b"), Ct);

        var all = await store.ListAsync("", ListRequest.All, Ct);

        Assert.Equal("/a", Assert.Single(all.Items).Key);
    }

    protected override async Task<IObjectStore> CreateStoreAsync() =>
        await EtcdObjectStore.ConnectAsync(etcd.Server.ClientUrl, $"/test-{Guid.NewGuid():N}", NullLogger.Instance, Ct);

    protected override async Task<IObjectStore> CreateIsolatedStoreAsync()
    {
        var server = await EtcdServer.StartAsync(Ct);
        _privateServers.Add(server);
        return await EtcdObjectStore.ConnectAsync(server.ClientUrl, "/isolated", NullLogger.Instance, Ct);
    }
}
