using System.CommandLine;
using Karmada.Cli.Apply;
using Karmada.Cli.Members;
using Karmada.Cli.Output;
using Karmada.Cli.Resources;
using Karmada.Client;

namespace Karmada.Cli.Promote;

/// <summary>
/// <c>karmadactl promote RESOURCE NAME [-n NS] -C CLUSTER [-o yaml|json] [--dry-run]</c>: adopts an object that
/// already runs in a member into Karmada (upstream <c>karmadactl promote</c>).
/// </summary>
public static class PromoteCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Yaml, OutputFormat.Json];

    public static Command Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resource = new Argument<string>("resource") { Description = "Resource type: deployment, deploy, configmap, ..." };
        var name = new Argument<string>("name") { Description = "Name of the object in the member cluster." };
        var ns = NamespaceOptions.Create();
        var cluster = new Option<string>("--cluster", "-C") { Description = "The member cluster holding the object.", Required = true };
        var output = OutputFormats.CreateOption(Formats);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show nothing and change nothing; with -o, print what would be created." };
        var command = new Command("promote", "Promote a resource from a member cluster to the Karmada control plane.") { resource, name, ns, cluster, output, dryRun };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var format = OutputFormats.Parse(parse.GetValue(output), Formats);
            var clusterName = parse.GetValue(cluster)!;
            var objectName = parse.GetValue(name)!;
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var type = ResourceTypeResolver.Resolve(await ResourceTypeResolver.DiscoverAsync(controlPlane, cancellationToken), parse.GetValue(resource)!);
            var @namespace = type.Resource.Namespaced ? NamespaceOptions.Resolve(parse.GetValue(ns), controlPlane) : null;
            using var member = await MemberClusters.ConnectAsync(controlPlane, clusterName, cancellationToken);
            System.Text.Json.Nodes.JsonObject memberObject;
            try
            {
                memberObject = await member.Client.GetAsync(type.Resource, @namespace, objectName, cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                throw new CliException($"{type.DisplayName} \"{objectName}\" does not exist in cluster({clusterName}){(@namespace is null ? "" : $" namespace {@namespace}")}.", ex);
            }

            memberObject["apiVersion"] ??= type.Resource.ApiVersion;
            memberObject["kind"] ??= type.Kind;
            var plan = PromotionPlan.Build(memberObject, clusterName);
            if (format != OutputFormat.Table)
            {
                await Console.Out.WriteAsync(ObjectPrinter.Print(plan.Template, format));
                await Console.Out.WriteAsync((format == OutputFormat.Yaml ? "---\n" : "") + ObjectPrinter.Print(plan.Policy, format));
                return;
            }

            if (parse.GetValue(dryRun))
            {
                return;
            }

            var display = $"{type.Resource.Group}/{type.Resource.Version}, Resource={type.Resource.Plural}";
            var where = @namespace is null ? objectName : $"{@namespace}/{objectName}";
            try
            {
                await controlPlane.GetAsync(type.Resource, @namespace, objectName, cancellationToken);
                await Console.Out.WriteLineAsync($"Resource \"{display}\"({where}) already exist in karmada control plane, you can edit PropagationPolicy and OverridePolicy to propagate it");
                return;
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                // Not on the control plane yet: promote it.
            }

            var applier = new ControlPlaneApplier(controlPlane);
            var policyResource = await applier.ResolveAsync(plan.Policy, cancellationToken);
            var policyName = (string)plan.Policy["metadata"]!["name"]!;
            try
            {
                await controlPlane.GetAsync(policyResource, @namespace, policyName, cancellationToken);
                throw new CliException($"the {(string?)plan.Policy["kind"]}({(@namespace is null ? policyName : $"{@namespace}/{policyName}")}) already exists; edit it to propagate the resource.");
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                // The policy is ours to create.
            }

            try
            {
                await controlPlane.CreateAsync(type.Resource, plan.Template, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound() && @namespace is not null)
            {
                throw new CliException($"namespace \"{@namespace}\" does not exist on the control plane; create it there first (kubectl create namespace {@namespace}).", ex);
            }

            await controlPlane.CreateAsync(policyResource, plan.Policy, cancellationToken: cancellationToken);
            await Console.Out.WriteLineAsync($"Resource \"{display}\"({where}) is promoted successfully");
        }));
        return command;
    }
}
