using System.CommandLine;
using k8s;
using Karmada.Client;
using Karmada.Scheduler.Framework.Plugins;
using Karmada.Scheduler.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Karmada.Host.Commands;

/// <summary><c>karmada scheduler</c>: karmada-scheduler against the control plane, leader-elected on a Lease.</summary>
public static class SchedulerCommand
{
    public static Command Build()
    {
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Kubeconfig of the Karmada control plane's API server.", Required = true };
        var plugins = new Option<string>("--plugins")
        {
            Description = $"Scheduler plugins: '*' for all, 'name' to enable, '-name' to disable, comma separated. Known: {string.Join(", ", InTreePlugins.CreateRegistry().Names)}.",
            DefaultValueFactory = _ => "*",
        };
        var schedulerName = new Option<string>("--scheduler-name")
        {
            Description = "Schedule only bindings whose spec.schedulerName is this (empty means default-scheduler).",
            DefaultValueFactory = _ => SchedulerServiceOptions.DefaultSchedulerName,
        };
        var workers = new Option<int>("--workers") { Description = "Bindings scheduled concurrently.", DefaultValueFactory = _ => SchedulerServiceOptions.DefaultWorkers };
        var emptyWorkloads = new Option<bool>("--enable-empty-workload-propagation") { Description = "Keep selected clusters that end up with 0 replicas." };
        var leaderElection = new LeaderElectionFlags(SchedulerServiceCollectionExtensions.LeaseName, "Schedule");
        var client = new ClientFlags();

        var command = new Command("scheduler", "Run karmada-scheduler: assign (Cluster)ResourceBindings to member clusters.")
        {
            kubeconfig, plugins, schedulerName, workers, emptyWorkloads,
        };
        foreach (var option in leaderElection.All.Concat(client.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
            await ProcessHost.RunAsync("scheduler", async (loggerFactory, ct) =>
            {
                var path = parse.GetValue(kubeconfig)!;
                if (!File.Exists(path))
                {
                    throw new ArgumentException($"--kubeconfig {path} does not exist; pass the control plane's kubeconfig (karmada apiserver writes it into its --data-dir).");
                }

                var options = new SchedulerServiceOptions
                {
                    Plugins = [.. parse.GetValue(plugins)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    SchedulerName = parse.GetValue(schedulerName)!,
                    Workers = parse.GetValue(workers),
                    EnableEmptyWorkloadPropagation = parse.GetValue(emptyWorkloads),
                };
                var election = leaderElection.Parse(parse);
                var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(path));
                var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
                builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
                builder.Services.AddKarmadaClient(configuration, c =>
                {
                    c.UserAgent = "karmada-scheduler";
                    client.Apply(parse, c);
                });
                builder.Services.AddKarmadaScheduler(options, election);
                var host = builder.Build();
                await host.StartAsync(ct);
                await Console.Out.WriteLineAsync($"karmada scheduler '{options.SchedulerName}' running plugins [{string.Join(",", options.Plugins)}] against {configuration.Host}{LeaderElectionFlags.Describe(election)}");
                return new RunningHost(host);
            }, cancellationToken));
        return command;
    }

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
