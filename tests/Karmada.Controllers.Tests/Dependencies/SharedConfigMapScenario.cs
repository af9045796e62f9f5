using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;

namespace Karmada.Controllers.Tests.Dependencies;

/// <summary>
/// The objects of the distributor's integration tests: one ConfigMap <c>cfg</c> mounted by many Deployments, each
/// with an independent binding that propagates its dependencies.
/// </summary>
internal static class SharedConfigMapScenario
{
    public static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);

    public static readonly JsonTypeInfo<ResourceBinding> BindingType = KarmadaJson.GetTypeInfo<ResourceBinding>();

    /// <summary>Creates the namespace and the ConfigMap <c>cfg</c> in it.</summary>
    public static async Task CreateConfigMapAsync(KubeApiClient client, string ns, CancellationToken cancellationToken)
    {
        await client.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }, cancellationToken: cancellationToken);
        await client.CreateAsync(ResourceRef.ConfigMaps, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "cfg", ["namespace"] = ns } }, cancellationToken: cancellationToken);
    }

    /// <summary>A Deployment mounting the ConfigMap <c>cfg</c> as a volume.</summary>
    public static JsonObject Deployment(string ns, string name) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray { new JsonObject { ["name"] = "c", ["image"] = "nginx" } },
                    ["volumes"] = new JsonArray { new JsonObject { ["name"] = "cfg", ["configMap"] = new JsonObject { ["name"] = "cfg" } } },
                },
            },
        },
    };

    /// <summary>The Deployment's binding <c>&lt;name&gt;-deployment</c>, with propagateDeps on, scheduled to one replica on <paramref name="cluster"/>.</summary>
    public static ResourceBinding Independent(string ns, string name, string cluster)
    {
        var binding = new ResourceBinding();
        binding.Metadata.Namespace = ns;
        binding.Metadata.Name = $"{name}-deployment";
        binding.Spec.Resource = new ObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = ns, Name = name };
        binding.Spec.PropagateDeps = true;
        binding.Spec.Clusters = [new TargetCluster { Name = cluster, Replicas = 1 }];
        return binding;
    }
}
