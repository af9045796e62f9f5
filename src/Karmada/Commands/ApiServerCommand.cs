using System.CommandLine;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Storage;

namespace Karmada.Host.Commands;

/// <summary><c>karmada apiserver</c>: the Kubernetes-compatible API server of the control plane.</summary>
public static class ApiServerCommand
{
    public static Command Build()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Directory for certificates, credentials, the kubeconfig and the SQLite database.", Required = true };
        var port = new Option<int>("--secure-port") { Description = "HTTPS port.", DefaultValueFactory = _ => 6443 };
        var bind = new Option<string>("--bind-address") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var advertise = new Option<string?>("--advertise-address") { Description = "Address clients use to reach this server (added to the serving certificate)." };
        var storage = new Option<string>("--storage") { Description = "Storage backend: sqlite (embedded, default), etcd or memory.", DefaultValueFactory = _ => "sqlite" };
        storage.AcceptOnlyFromAmong("sqlite", "etcd", "memory");
        var etcdServers = new Option<string?>("--etcd-servers") { Description = "Comma-separated etcd client URLs (with --storage etcd)." };
        var etcdPrefix = new Option<string>("--etcd-prefix") { Description = "Key prefix in etcd.", DefaultValueFactory = _ => "/karmada" };

        var command = new Command("apiserver", "Run the control plane's Kubernetes-compatible API server.")
        {
            dataDir, port, bind, advertise, storage, etcdServers, etcdPrefix,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ApiServerOptions
            {
                DataDirectory = Path.GetFullPath(parse.GetValue(dataDir)!),
                SecurePort = parse.GetValue(port),
                BindAddress = parse.GetValue(bind)!,
                AdvertiseAddress = parse.GetValue(advertise),
                Storage = new StorageOptions
                {
                    Backend = Enum.Parse<StorageBackend>(parse.GetValue(storage)!, ignoreCase: true),
                    EtcdServers = parse.GetValue(etcdServers),
                    EtcdPrefix = parse.GetValue(etcdPrefix)!,
                },
                ExtraNamespaces = ControlPlaneServices.SystemNamespaces,
                ExtraResources = KarmadaResourceDefinitions.All,
            };
            return await ProcessHost.RunAsync("apiserver", async (loggerFactory, ct) =>
            {
                var server = await ApiServerApplication.StartAsync(options, loggerFactory, ControlPlaneServices.Add, ct);
                await Console.Out.WriteLineAsync($"karmada apiserver serving on {server.Url}; kubeconfig: {server.KubeconfigPath}");
                return server;
            }, cancellationToken);
        });
        return command;
    }
}
