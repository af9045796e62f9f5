using System.CommandLine;
using k8s;
using Karmada.Client;
using Karmada.Controllers;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Karmada.Host.Commands;

/// <summary><c>karmada controller-manager</c>: the control plane's controllers, leader-elected on a Lease.</summary>
public static class ControllerManagerCommand
{
    /// <summary>The Lease upstream's controller manager elects its leader on.</summary>
    public const string LeaseName = "karmada-controller-manager";

    public static Command Build()
    {
        var names = ControllerServiceCollectionExtensions.CreateRegistry(new ControllerManagerOptions()).Names;
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Kubeconfig of the Karmada control plane's API server.", Required = true };
        var controllers = new Option<string>("--controllers")
        {
            Description = $"Controllers to run: '*' for all, 'name' to enable, '-name' to disable, comma separated. Known: {string.Join(", ", names)}.",
            DefaultValueFactory = _ => "*",
        };
        var frequency = new Option<string>("--cluster-status-update-frequency") { Description = "How often Push clusters are probed.", DefaultValueFactory = _ => "10s" };
        var success = new Option<string>("--cluster-success-threshold") { Description = "How long a cluster must be healthy before it turns Ready.", DefaultValueFactory = _ => "30s" };
        var failure = new Option<string>("--cluster-failure-threshold") { Description = "How long a cluster must be unhealthy before it turns not Ready.", DefaultValueFactory = _ => "30s" };
        var monitorPeriod = new Option<string>("--cluster-monitor-period") { Description = "How often the health of Pull clusters is checked.", DefaultValueFactory = _ => "5s" };
        var monitorGrace = new Option<string>("--cluster-monitor-grace-period") { Description = "How long a Pull cluster's agent may be silent before the cluster turns Ready=Unknown.", DefaultValueFactory = _ => "40s" };
        var startupGrace = new Option<string>("--cluster-startup-grace-period") { Description = "The same for a Pull cluster whose agent never posted status.", DefaultValueFactory = _ => "60s" };
        var concurrency = new ConcurrencyFlags();
        var leaderElection = new LeaderElectionFlags(LeaseName, "Run the controllers");
        var eviction = new EvictionFlags();
        var client = new ClientFlags();

        var command = new Command("controller-manager", "Run the Karmada controllers against the control plane.")
        {
            kubeconfig, controllers, frequency, success, failure, monitorPeriod, monitorGrace, startupGrace,
        };
        foreach (var option in concurrency.All.Concat(leaderElection.All).Concat(eviction.All).Concat(client.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
            await ProcessHost.RunAsync("controller-manager", async (loggerFactory, ct) =>
            {
                var path = parse.GetValue(kubeconfig)!;
                if (!File.Exists(path))
                {
                    throw new ArgumentException($"--kubeconfig {path} does not exist; pass the control plane's kubeconfig (karmada apiserver writes it into its --data-dir).");
                }

                var options = new ControllerManagerOptions
                {
                    Controllers = [.. parse.GetValue(controllers)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    ClusterStatusUpdateFrequency = ParseDuration(parse.GetValue(frequency)!, "--cluster-status-update-frequency"),
                    ClusterSuccessThreshold = ParseDuration(parse.GetValue(success)!, "--cluster-success-threshold"),
                    ClusterFailureThreshold = ParseDuration(parse.GetValue(failure)!, "--cluster-failure-threshold"),
                    ClusterMonitorPeriod = ParseDuration(parse.GetValue(monitorPeriod)!, "--cluster-monitor-period"),
                    ClusterMonitorGracePeriod = ParseDuration(parse.GetValue(monitorGrace)!, "--cluster-monitor-grace-period"),
                    ClusterStartupGracePeriod = ParseDuration(parse.GetValue(startupGrace)!, "--cluster-startup-grace-period"),
                };
                concurrency.Apply(parse, options);
                var election = leaderElection.Parse(parse);
                var evictionOptions = eviction.Parse(parse);
                var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(path));
                var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
                builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
                builder.Services.AddKarmadaClient(configuration, c =>
                {
                    c.UserAgent = "karmada-controller-manager";
                    client.Apply(parse, c);
                });
                builder.Services.AddSingleton(evictionOptions);
                builder.Services.AddKarmadaControllers(options, election);
                var host = builder.Build();
                await host.StartAsync(ct);
                await Console.Out.WriteLineAsync($"karmada controller-manager running controllers [{string.Join(",", options.Controllers)}] against {configuration.Host}{LeaderElectionFlags.Describe(election)}");
                return new RunningHost(host);
            }, cancellationToken));
        return command;
    }

    private static TimeSpan ParseDuration(string text, string flag) =>
        GoDuration.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{flag} '{text}' is not a duration; use a number with a unit, such as 10s or 500ms.");

    private sealed class RunningHost(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(timeout.Token);
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
