using System.CommandLine;
using System.Text.Json.Nodes;
using Karmada.Cli.Members;
using Karmada.Cli.Output;
using Karmada.Cli.Resources;
using Karmada.Client;

namespace Karmada.Cli.Get;

/// <summary>
/// <c>karmadactl get RESOURCE [NAME] [-n NS | -A] [-l selector] [--clusters a,b] [-o wide|yaml|json]</c>: the
/// resource in every Ready member cluster (or the ones named), through the credentials Karmada holds for them.
/// </summary>
public static class GetCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Wide, OutputFormat.Yaml, OutputFormat.Json];

    public static Command Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resource = new Argument<string>("resource") { Description = "Resource type: deployments, deploy, deployment.apps, pods, ..." };
        var name = new Argument<string?>("name") { Description = "Name of one object (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var ns = NamespaceOptions.Create();
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List across all namespaces." };
        var selector = new Option<string?>("--selector", "-l") { Description = "Label selector, e.g. app=nginx,tier!=cache." };
        var clusters = ClusterListOption.Create();
        var output = OutputFormats.CreateOption(Formats);
        var command = new Command("get", "Display resources in the member clusters, with the cluster each lives in.")
        {
            resource, name, ns, allNamespaces, selector, clusters, output,
        };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var format = OutputFormats.Parse(parse.GetValue(output), Formats);
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var type = ResourceTypeResolver.Resolve(await ResourceTypeResolver.DiscoverAsync(controlPlane, cancellationToken), parse.GetValue(resource)!);
            var all = parse.GetValue(allNamespaces);
            var objectName = parse.GetValue(name);
            if (all && objectName is not null)
            {
                throw new CliException("a resource cannot be retrieved by name across all namespaces; drop -A or the name.");
            }

            string? @namespace = !type.Resource.Namespaced || all ? null : NamespaceOptions.Resolve(parse.GetValue(ns), controlPlane);
            var request = new MemberQuery(type, @namespace, objectName, parse.GetValue(selector));
            var skipped = new List<string>();
            var targets = MemberClusters.Select(await MemberClusters.ListAsync(controlPlane, cancellationToken), ClusterListOption.Parse(parse.GetValue(clusters)), skipped);
            var results = await Task.WhenAll(targets.Select(c => QueryAsync(controlPlane, c, request, format, cancellationToken)));
            var errors = skipped.Concat(results.Select(r => r.Error).OfType<string>()).ToList();

            if (format is OutputFormat.Yaml or OutputFormat.Json)
            {
                var items = results.SelectMany(r => r.Objects).ToList();
                if (items.Count > 0 || objectName is null)
                {
                    await Console.Out.WriteAsync(ObjectPrinter.Print(objectName is not null && items.Count == 1 ? items[0] : ObjectPrinter.List(items), format));
                }
            }
            else
            {
                var tables = results.Where(r => r.Table is not null).Select(r => new ClusterTable(r.Cluster, r.Table!)).ToList();
                var (headers, rows) = MultiClusterTable.Build(tables, format == OutputFormat.Wide, all && type.Resource.Namespaced);
                if (rows.Count > 0)
                {
                    await Console.Out.WriteAsync(TableWriter.Format(headers, rows));
                }
                else if (objectName is null)
                {
                    await Console.Error.WriteLineAsync(MultiClusterTable.NoResourcesMessage(@namespace));
                }
            }

            var found = results.Any(r => r.Objects.Count > 0 || r.Table?["rows"] is JsonArray { Count: > 0 });
            if (objectName is not null && !found)
            {
                errors.Add($"{type.Resource.Plural}{(type.Resource.Group.Length == 0 ? "" : "." + type.Resource.Group)} \"{objectName}\" not found in any member cluster");
            }

            if (errors.Count > 0)
            {
                throw new CliException(string.Join("\nerror: ", errors));
            }
        }));
        return command;
    }

    private static async Task<MemberResult> QueryAsync(KubeApiClient controlPlane, Api.Cluster.V1Alpha1.Cluster cluster, MemberQuery query, OutputFormat format, CancellationToken cancellationToken)
    {
        var clusterName = cluster.Metadata.Name ?? "";
        try
        {
            using var member = await MemberClusters.ConnectAsync(controlPlane, cluster, cancellationToken);
            if (format is OutputFormat.Yaml or OutputFormat.Json)
            {
                if (query.Name is not null)
                {
                    try
                    {
                        return new MemberResult(clusterName, [await member.Client.GetAsync(query.Type.Resource, query.Namespace, query.Name, cancellationToken)], null, null);
                    }
                    catch (ApiException ex) when (ex.IsNotFound())
                    {
                        return new MemberResult(clusterName, [], null, null);
                    }
                }

                var list = await member.Client.ListAsync(query.Type.Resource, query.Namespace, new ListOptions { LabelSelector = query.Selector }, cancellationToken);
                return new MemberResult(clusterName, [.. list.Items.Select(WithTypeMeta(query.Type))], null, null);
            }

            using var tables = new TableClient(member.Configuration);
            try
            {
                return new MemberResult(clusterName, [], await tables.GetTableAsync(query.Path, cancellationToken), null);
            }
            catch (TableRequestException ex) when (ex.StatusCode == 404 && query.Name is not null)
            {
                return new MemberResult(clusterName, [], null, null);
            }
        }
        catch (Exception ex) when (ex is CliException or ApiException or TableRequestException or HttpRequestException or IOException or TimeoutException or TaskCanceledException)
        {
            return new MemberResult(clusterName, [], null, $"cluster({clusterName}): {ex.Message}");
        }
    }

    // A LIST's items carry no apiVersion and kind; -o yaml prints them as kubectl does, with both.
    private static Func<JsonObject, JsonObject> WithTypeMeta(DiscoveredResource type) => item =>
    {
        item["apiVersion"] ??= type.Resource.ApiVersion;
        item["kind"] ??= type.Kind;
        return item;
    };

    private sealed record MemberQuery(DiscoveredResource Type, string? Namespace, string? Name, string? Selector)
    {
        public string Path => Name is not null
            ? Type.Resource.ItemPath(Namespace, Name)
            : Type.Resource.CollectionPath(Namespace) + (string.IsNullOrEmpty(Selector) ? "" : "?labelSelector=" + Uri.EscapeDataString(Selector));
    }

    private sealed record MemberResult(string Cluster, IReadOnlyList<JsonObject> Objects, JsonObject? Table, string? Error);
}
