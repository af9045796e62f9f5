using System.CommandLine;
using k8s;
using k8s.Exceptions;
using Karmada.Agent;
using Karmada.Controllers.Runtime;

namespace Karmada.Host.Commands;

/// <summary>
/// <c>karmada agent</c> (upstream karmada-agent): Pull mode. Runs beside a member cluster, registers it on the control
/// plane (<c>syncMode: Pull</c>), keeps its Lease and status, and applies the Works of <c>karmada-es-NAME</c> to it,
/// connecting out to the control plane only.
/// </summary>
public static class AgentCommand
{
    public static Command Build()
    {
        var karmadaKubeconfig = new Option<string>("--karmada-kubeconfig") { Description = "Kubeconfig of the Karmada control plane.", Required = true };
        var karmadaContext = new Option<string?>("--karmada-context") { Description = "Context in --karmada-kubeconfig (default: its current context)." };
        var clusterName = new Option<string>("--cluster-name") { Description = "Name of the member cluster this agent registers and serves.", Required = true };
        var clusterKubeconfig = new Option<string>("--cluster-kubeconfig") { Description = "Kubeconfig of the member cluster the agent runs beside.", Required = true };
        var clusterContext = new Option<string?>("--cluster-context") { Description = "Context in --cluster-kubeconfig (default: its current context)." };
        var endpoint = new Option<string?>("--cluster-api-endpoint") { Description = "API endpoint recorded in the Cluster (default: the member kubeconfig's server)." };
        var provider = new Option<string?>("--cluster-provider") { Description = "Provider recorded in the Cluster." };
        var region = new Option<string?>("--cluster-region") { Description = "Region recorded in the Cluster." };
        var zones = new Option<string?>("--cluster-zones") { Description = "Zones recorded in the Cluster, comma separated." };
        var frequency = new Option<string>("--cluster-status-update-frequency") { Description = "How often the member is probed and its status posted.", DefaultValueFactory = _ => "10s" };
        var leaseDuration = new Option<string>("--cluster-lease-duration") { Description = "Duration of the cluster's heartbeat Lease karmada-cluster/NAME.", DefaultValueFactory = _ => "40s" };
        var renewFraction = new Option<double>("--cluster-lease-renew-interval-fraction") { Description = "The Lease is renewed every duration × this fraction.", DefaultValueFactory = _ => 0.25 };
        var success = new Option<string>("--cluster-success-threshold") { Description = "How long the member must be healthy before it turns Ready.", DefaultValueFactory = _ => "30s" };
        var failure = new Option<string>("--cluster-failure-threshold") { Description = "How long the member must be unhealthy before it turns not Ready.", DefaultValueFactory = _ => "30s" };
        var workSyncs = new Option<int>("--concurrent-work-syncs") { Description = "Works applied to the member and reflected back concurrently.", DefaultValueFactory = _ => 5 };

        var command = new Command("agent", "Run the Pull-mode agent beside a member cluster.")
        {
            karmadaKubeconfig, karmadaContext, clusterName, clusterKubeconfig, clusterContext, endpoint, provider, region, zones,
            frequency, leaseDuration, renewFraction, success, failure, workSyncs,
        };
        command.SetAction(async (parse, cancellationToken) =>
            await ProcessHost.RunAsync("agent", async (loggerFactory, ct) =>
            {
                var options = new AgentOptions
                {
                    ClusterName = parse.GetValue(clusterName)!,
                    ClusterApiEndpoint = parse.GetValue(endpoint),
                    ClusterProvider = parse.GetValue(provider),
                    ClusterRegion = parse.GetValue(region),
                    ClusterZones = [.. (parse.GetValue(zones) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    ClusterStatusUpdateFrequency = ParseDuration(parse.GetValue(frequency)!, "--cluster-status-update-frequency"),
                    ClusterLeaseDuration = ParseDuration(parse.GetValue(leaseDuration)!, "--cluster-lease-duration"),
                    ClusterLeaseRenewIntervalFraction = parse.GetValue(renewFraction),
                    ClusterSuccessThreshold = ParseDuration(parse.GetValue(success)!, "--cluster-success-threshold"),
                    ClusterFailureThreshold = ParseDuration(parse.GetValue(failure)!, "--cluster-failure-threshold"),
                    Workers = parse.GetValue(workSyncs),
                };
                options.Validate();
                var controlPlane = await LoadAsync(parse.GetValue(karmadaKubeconfig)!, parse.GetValue(karmadaContext), "--karmada-kubeconfig");
                var member = await LoadAsync(parse.GetValue(clusterKubeconfig)!, parse.GetValue(clusterContext), "--cluster-kubeconfig");
                KarmadaAgent agent;
                try
                {
                    agent = await KarmadaAgent.StartAsync(options, controlPlane, member, loggerFactory, ct);
                }
                catch (InvalidOperationException ex)
                {
                    throw new ArgumentException(ex.Message, ex);
                }

                await Console.Out.WriteLineAsync($"karmada agent serving cluster {options.ClusterName} ({member.Host}) for the control plane at {controlPlane.Host}");
                return agent;
            }, cancellationToken));
        return command;
    }

    private static async Task<KubernetesClientConfiguration> LoadAsync(string path, string? context, string flag)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{flag} {path} does not exist.");
        }

        try
        {
            return await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(path), context);
        }
        catch (KubeConfigException ex)
        {
            throw new ArgumentException($"{flag} {path} cannot be used: {ex.Message}", ex);
        }
    }

    private static TimeSpan ParseDuration(string text, string flag) =>
        GoDuration.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{flag} '{text}' is not a duration; use a number with a unit, such as 10s or 500ms.");
}
