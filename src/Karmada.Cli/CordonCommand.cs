using System.CommandLine;
using Karmada.Api.Core;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Cli;

/// <summary><c>karmadactl cordon|uncordon NAME</c>: the <c>cluster.karmada.io/unschedulable:NoSchedule</c> taint.</summary>
public static class CordonCommand
{
    public static Command Build(GlobalOptions options, bool cordon)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = new Argument<string>("name") { Description = "Name of the member cluster." };
        var command = new Command(
            cordon ? "cordon" : "uncordon",
            cordon ? "Mark a cluster unschedulable." : "Mark a cluster schedulable again.")
        {
            name,
        };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var clusterName = parse.GetValue(name)!;
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var message = await ClusterTaintEditor.EditAsync(controlPlane, clusterName, taints =>
            {
                var has = taints.Exists(IsUnschedulable);
                if (cordon && !has)
                {
                    taints.Add(new Taint { Key = ClusterV1Alpha1.ClusterTaintKeys.Unschedulable, Effect = TaintEffect.NoSchedule });
                    return "cordoned";
                }

                if (!cordon && has)
                {
                    taints.RemoveAll(IsUnschedulable);
                    return "uncordoned";
                }

                return cordon ? "already cordoned" : "already uncordoned";
            }, cancellationToken);
            await Console.Out.WriteLineAsync($"cluster/{clusterName} {message}");
        }));
        return command;
    }

    private static bool IsUnschedulable(Taint taint) =>
        taint.Key == ClusterV1Alpha1.ClusterTaintKeys.Unschedulable && taint.Effect == TaintEffect.NoSchedule;
}
