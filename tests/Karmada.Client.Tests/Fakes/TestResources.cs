namespace Karmada.Client.Tests.Fakes;

public static class TestResources
{
    public static ResourceRef Widgets { get; } = new("example.io", "v1", "widgets", Namespaced: true);

    public static string WidgetsCollection => "/apis/example.io/v1/widgets";

    public static string LeasesCollection => "/apis/coordination.k8s.io/v1/leases";

    public static KubeApiClient CreateClient(FakeApiServer server, TimeProvider? timeProvider = null) =>
        new(new k8s.KubernetesClientConfiguration { Host = server.BaseUri.ToString() }, new KubeApiClientOptions(), timeProvider);
}
