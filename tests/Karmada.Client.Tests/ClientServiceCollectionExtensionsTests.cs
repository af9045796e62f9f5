using k8s;
using Karmada.Client.Informers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests;

public sealed class ClientServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddKarmadaClient_RegistersSharedClientFactoryAndHostedService()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddKarmadaClient(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }, o => o.Qps = 5, o => o.PageSize = 10);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<KubeApiClient>();
        var factory = provider.GetRequiredService<InformerFactory>();

        Assert.Same(client, provider.GetRequiredService<KubeApiClient>());
        Assert.Contains(factory, provider.GetServices<IHostedService>());
        Assert.Equal(new Uri("http://127.0.0.1:1/"), client.BaseUri);
    }
}
