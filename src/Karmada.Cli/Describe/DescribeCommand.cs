using System.CommandLine;
using Karmada.Cli.Members;
using Karmada.Cli.Resources;
using Karmada.Client;

namespace Karmada.Cli.Describe;

/// <summary><c>karmadactl describe RESOURCE NAME [-n NS] -C CLUSTER</c>: an object in a member cluster and its events there.</summary>
public static class DescribeCommand
{
    private static readonly ResourceRef Events = new(string.Empty, "v1", "events", Namespaced: true);

    public static Command Build(GlobalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var resource = new Argument<string>("resource") { Description = "Resource type: deployments, deploy, pods, ..." };
        var name = new Argument<string>("name") { Description = "Name of the object." };
        var ns = NamespaceOptions.Create();
        var cluster = new Option<string>("--cluster", "-C") { Description = "The member cluster holding the object.", Required = true };
        var command = new Command("describe", "Show details of a resource in a member cluster, with its events.") { resource, name, ns, cluster };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var type = ResourceTypeResolver.Resolve(await ResourceTypeResolver.DiscoverAsync(controlPlane, cancellationToken), parse.GetValue(resource)!);
            var @namespace = type.Resource.Namespaced ? NamespaceOptions.Resolve(parse.GetValue(ns), controlPlane) : null;
            var clusterName = parse.GetValue(cluster)!;
            var objectName = parse.GetValue(name)!;
            using var member = await MemberClusters.ConnectAsync(controlPlane, clusterName, cancellationToken);
            System.Text.Json.Nodes.JsonObject obj;
            try
            {
                obj = await member.Client.GetAsync(type.Resource, @namespace, objectName, cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                throw new CliException($"{type.DisplayName} \"{objectName}\" not found in cluster({clusterName}){(@namespace is null ? "" : $" namespace {@namespace}")}.", ex);
            }

            var events = await member.Client.ListAsync(Events, @namespace ?? "default", cancellationToken: cancellationToken);
            var about = events.Items.Where(e => ObjectDescriber.IsAbout(e, obj));
            await Console.Out.WriteAsync(ObjectDescriber.Describe(clusterName, obj, about, timeProvider.GetUtcNow()));
        }));
        return command;
    }
}
