using System.CommandLine;
using Karmada.Member;
using Karmada.Member.Profiles;

namespace Karmada.Host.Commands;

/// <summary><c>karmada member</c>: one simulated member cluster (API server, nodes, controllers, scheduler, kubelets).</summary>
public static class MemberCommand
{
    public static Command Build()
    {
        var name = new Option<string>("--name") { Description = "Cluster name: kubeconfig DIR/NAME.config, node names NAME-node-N, fault file DIR/NAME.faults.json.", Required = true };
        var dataDir = new Option<string>("--data-dir") { Description = "Directory for certificates, the kubeconfig and the fault file (may be shared by many members).", Required = true };
        var port = new Option<int>("--secure-port") { Description = "HTTPS port; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var bind = new Option<string>("--bind-address") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var profile = new Option<string?>("--profile") { Description = "YAML profile: nodes, capacity, region, zones, labels, taints, kubernetesVersion, podStartupMilliseconds, jobPodRunMilliseconds." };
        var command = new Command("member", "Run one simulated member cluster on memory storage.")
        {
            name, dataDir, port, bind, profile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            return await ProcessHost.RunAsync("member", async (loggerFactory, ct) =>
            {
                var options = new MemberOptions
                {
                    Name = parse.GetValue(name)!,
                    DataDirectory = Path.GetFullPath(parse.GetValue(dataDir)!),
                    SecurePort = parse.GetValue(port),
                    BindAddress = parse.GetValue(bind)!,
                    Profile = await MemberProfileLoader.LoadAsync(parse.GetValue(profile), ct),
                };
                var member = await MemberCluster.StartAsync(options, loggerFactory, ct);
                await Console.Out.WriteLineAsync($"karmada member {member.Name} serving on {member.Url}; kubeconfig: {member.KubeconfigPath}");
                return member;
            }, cancellationToken);
        });
        return command;
    }
}
