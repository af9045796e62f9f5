using System.CommandLine;
using System.Text.Json.Nodes;
using k8s;
using Karmada.Cli.Members;
using Karmada.Cli.Output;
using Karmada.Cli.Resources;
using Karmada.Client;

namespace Karmada.Cli.Get;

/// <summary>
/// <c>karmadactl get RESOURCE [NAME] [-n NS | -A] [-l selector] [-s karmada|members|all] [--clusters a,b]
/// [-o wide|yaml|json]</c>: the resource in the control plane (the default operation scope, as upstream), in every
/// Ready member cluster (or the ones named by <c>--clusters</c>) through the credentials Karmada holds for them, or in
/// both, with the cluster each lives in.
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
        var scope = OperationScopeOption.Create();
        var clusters = ClusterListOption.Create(description: "Member clusters to query with --operation-scope members or all, comma-separated (default: every Ready cluster).");
        var output = OutputFormats.CreateOption(Formats);
        var command = new Command("get", "Display resources in the Karmada control plane and the member clusters, with the cluster each lives in.")
        {
            resource, name, ns, allNamespaces, selector, scope, clusters, output,
        };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var format = OutputFormats.Parse(parse.GetValue(output), Formats);
            var operationScope = OperationScopeOption.Parse(parse.GetValue(scope));
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var type = ResourceTypeResolver.Resolve(await ResourceTypeResolver.DiscoverAsync(controlPlane, cancellationToken), parse.GetValue(resource)!);
            var all = parse.GetValue(allNamespaces);
            var objectName = parse.GetValue(name);
            if (all && objectName is not null)
            {
                throw new CliException("a resource cannot be retrieved by name across all namespaces; drop -A or the name.");
            }

            string? @namespace = !type.Resource.Namespaced || all ? null : NamespaceOptions.Resolve(parse.GetValue(ns), controlPlane);
            var request = new ObjectQuery(type, @namespace, objectName, parse.GetValue(selector));
            var skipped = new List<string>();
            var queries = new List<Task<SourceResult>>();
            if (operationScope.IncludesControlPlane())
            {
                var configuration = await KubeClients.LoadAsync(
                    KubeClients.ResolveKubeconfig(parse.GetValue(options.Kubeconfig)), parse.GetValue(options.KarmadaContext), "Karmada control plane", "--kubeconfig");
                queries.Add(GuardAsync(Source.ControlPlane, () => QueryAsync(Source.ControlPlane, controlPlane, configuration, request, format, cancellationToken)));
            }

            if (operationScope.IncludesMembers())
            {
                var targets = MemberClusters.Select(await MemberClusters.ListAsync(controlPlane, cancellationToken), ClusterListOption.Parse(parse.GetValue(clusters)), skipped);
                queries.AddRange(targets.Select(c => QueryMemberAsync(controlPlane, c, request, format, cancellationToken)));
            }

            var results = await Task.WhenAll(queries);
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
                var tables = results.Where(r => r.Table is not null).Select(r => new ClusterTable(r.Source.Cluster, r.Table!, r.Source.IsControlPlane)).ToList();
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
                errors.Add($"{type.Resource.Plural}{(type.Resource.Group.Length == 0 ? "" : "." + type.Resource.Group)} \"{objectName}\" not found {Where(operationScope)}");
            }

            if (errors.Count > 0)
            {
                throw new CliException(string.Join("\nerror: ", errors));
            }
        }));
        return command;
    }

    private static string Where(OperationScope scope) => scope switch
    {
        OperationScope.Karmada => "in the Karmada control plane",
        OperationScope.Members => "in any member cluster",
        _ => "in the Karmada control plane or any member cluster",
    };

    private static Task<SourceResult> QueryMemberAsync(KubeApiClient controlPlane, Api.Cluster.V1Alpha1.Cluster cluster, ObjectQuery query, OutputFormat format, CancellationToken cancellationToken)
    {
        var source = new Source(cluster.Metadata.Name ?? "", IsControlPlane: false);
        return GuardAsync(source, async () =>
        {
            using var member = await MemberClusters.ConnectAsync(controlPlane, cluster, cancellationToken);
            return await QueryAsync(source, member.Client, member.Configuration, query, format, cancellationToken);
        });
    }

    /// <summary>One cluster that cannot be read is reported with the others' results, not instead of them.</summary>
    private static async Task<SourceResult> GuardAsync(Source source, Func<Task<SourceResult>> query)
    {
        try
        {
            return await query();
        }
        catch (Exception ex) when (ex is CliException or ApiException or TableRequestException or HttpRequestException or IOException or TimeoutException or TaskCanceledException)
        {
            return new SourceResult(source, [], null, source.IsControlPlane ? ex.Message : $"cluster({source.Cluster}): {ex.Message}");
        }
    }

    private static async Task<SourceResult> QueryAsync(Source source, KubeApiClient client, KubernetesClientConfiguration configuration, ObjectQuery query, OutputFormat format, CancellationToken cancellationToken)
    {
        if (format is OutputFormat.Yaml or OutputFormat.Json)
        {
            if (query.Name is not null)
            {
                try
                {
                    return new SourceResult(source, [await client.GetAsync(query.Type.Resource, query.Namespace, query.Name, cancellationToken)], null, null);
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    return new SourceResult(source, [], null, null);
                }
            }

            var list = await client.ListAsync(query.Type.Resource, query.Namespace, new ListOptions { LabelSelector = query.Selector }, cancellationToken);
            return new SourceResult(source, [.. list.Items.Select(WithTypeMeta(query.Type))], null, null);
        }

        using var tables = new TableClient(configuration);
        try
        {
            return new SourceResult(source, [], await tables.GetTableAsync(query.Path, cancellationToken), null);
        }
        catch (TableRequestException ex) when (ex.StatusCode == 404 && query.Name is not null)
        {
            return new SourceResult(source, [], null, null);
        }
    }

    // A LIST's items carry no apiVersion and kind; -o yaml prints them as kubectl does, with both.
    private static Func<JsonObject, JsonObject> WithTypeMeta(DiscoveredResource type) => item =>
    {
        item["apiVersion"] ??= type.Resource.ApiVersion;
        item["kind"] ??= type.Kind;
        return item;
    };

    private sealed record ObjectQuery(DiscoveredResource Type, string? Namespace, string? Name, string? Selector)
    {
        public string Path => Name is not null
            ? Type.Resource.ItemPath(Namespace, Name)
            : Type.Resource.CollectionPath(Namespace) + (string.IsNullOrEmpty(Selector) ? "" : "?labelSelector=" + Uri.EscapeDataString(Selector));
    }

    /// <summary>Where objects are read from: a member cluster, or the control plane (CLUSTER <c>Karmada</c>).</summary>
    private sealed record Source(string Cluster, bool IsControlPlane)
    {
        public static readonly Source ControlPlane = new(OperationScopeOption.ControlPlaneCluster, IsControlPlane: true);
    }

    private sealed record SourceResult(Source Source, IReadOnlyList<JsonObject> Objects, JsonObject? Table, string? Error);
}
