using System.CommandLine;
using Karmada.Cli.Manifests;

namespace Karmada.Cli.Apply;

/// <summary>
/// <c>karmadactl apply -f FILE [-n NS] [--all-clusters | -C a,b]</c>: applies the manifests to the control plane and,
/// with <c>--all-clusters</c> or <c>-C</c>, a PropagationPolicy (ClusterPropagationPolicy for cluster-scoped kinds)
/// per object that propagates it there (upstream <c>karmadactl apply</c>).
/// </summary>
public static class ApplyCommand
{
    public static Command Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new Option<string[]>("--filename", "-f") { Description = "Manifests to apply (repeatable; '-' reads standard input).", Required = true };
        var ns = NamespaceOptions.Create();
        var allClusters = new Option<bool>("--all-clusters") { Description = "Also propagate every object to all member clusters." };
        var clusters = ClusterListOption.Create("--cluster", "Also propagate every object to these member clusters, comma-separated.");
        var command = new Command("apply", "Apply manifests to the control plane and optionally propagate them to member clusters.") { files, ns, allClusters, clusters };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var targets = ClusterListOption.Parse(parse.GetValue(clusters));
            var propagate = parse.GetValue(allClusters);
            if (propagate && targets.Count > 0)
            {
                throw new CliException("--all-clusters and --cluster cannot be used together.");
            }

            var objects = await ManifestReader.ReadFilesAsync(parse.GetValue(files) ?? [], cancellationToken);
            if (objects.Count == 0)
            {
                throw new CliException("no objects passed to apply.");
            }

            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            if (targets.Count > 0)
            {
                var known = (await Members.MemberClusters.ListAsync(controlPlane, cancellationToken)).Select(c => c.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                var missing = targets.Where(t => !known.Contains(t)).ToList();
                if (missing.Count > 0)
                {
                    throw new CliException($"cluster(s) {string.Join(", ", missing)} do not exist; 'kubectl get clusters' lists the joined clusters.");
                }
            }

            var applier = new ControlPlaneApplier(controlPlane);
            var defaultNamespace = NamespaceOptions.Resolve(parse.GetValue(ns), controlPlane);
            foreach (var obj in objects)
            {
                var resource = await applier.ResolveAsync(obj, cancellationToken);
                if (resource.Namespaced && string.IsNullOrEmpty((string?)obj["metadata"]!["namespace"]))
                {
                    obj["metadata"]!["namespace"] = defaultNamespace;
                }

                await Console.Out.WriteLineAsync(await applier.ApplyAsync(resource, obj, cancellationToken));
                if (!propagate && targets.Count == 0)
                {
                    continue;
                }

                var policy = PropagationPolicyGenerator.Generate(
                    (string)obj["apiVersion"]!,
                    (string)obj["kind"]!,
                    resource.Namespaced ? (string?)obj["metadata"]!["namespace"] : null,
                    (string)obj["metadata"]!["name"]!,
                    targets);
                await Console.Out.WriteLineAsync(await applier.ApplyAsync(await applier.ResolveAsync(policy, cancellationToken), policy, cancellationToken));
            }
        }));
        return command;
    }
}
