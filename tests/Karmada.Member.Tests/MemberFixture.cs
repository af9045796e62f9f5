using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Profiles;
using Karmada.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Member.Tests;

/// <summary>One in-process simulated member and a client of it, per test.</summary>
public sealed class MemberFixture : IAsyncDisposable
{
    public static readonly ResourceRef Pods = new("", "v1", "pods", true);
    public static readonly ResourceRef Nodes = new("", "v1", "nodes", false);
    public static readonly ResourceRef Deployments = new("apps", "v1", "deployments", true);
    public static readonly ResourceRef ReplicaSets = new("apps", "v1", "replicasets", true);
    public static readonly ResourceRef Jobs = new("batch", "v1", "jobs", true);
    public static readonly ResourceRef StatefulSets = new("apps", "v1", "statefulsets", true);
    public static readonly ResourceRef DaemonSets = new("apps", "v1", "daemonsets", true);
    public static readonly ResourceRef ControllerRevisions = new("apps", "v1", "controllerrevisions", true);
    public static readonly ResourceRef CronJobs = new("batch", "v1", "cronjobs", true);
    public static readonly ResourceRef Services = new("", "v1", "services", true);
    public static readonly ResourceRef Endpoints = new("", "v1", "endpoints", true);
    public static readonly ResourceRef EndpointSlices = new("discovery.k8s.io", "v1", "endpointslices", true);

    private readonly TempDirectory _dir;

    private MemberFixture(TempDirectory dir, MemberCluster member, KubeApiClient client)
    {
        _dir = dir;
        Member = member;
        Client = client;
    }

    public MemberCluster Member { get; }

    public KubeApiClient Client { get; }

    public string DataDirectory => _dir.Path;

    public static async Task<MemberFixture> StartAsync(MemberProfile? profile = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, string name = "member1")
    {
        var dir = new TempDirectory("karmada-member");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var member = await MemberCluster.StartAsync(
            new MemberOptions { Name = name, DataDirectory = dir.Path, Profile = profile ?? new MemberProfile(), TimeProvider = timeProvider ?? TimeProvider.System },
            loggerFactory ?? NullLoggerFactory.Instance,
            timeout.Token);
        await member.WaitForNodesAsync(timeout.Token);
        var client = await KubeApiClient.FromKubeconfigAsync(member.KubeconfigPath);
        return new MemberFixture(dir, member, client);
    }

    public static JsonObject Deployment(string name, int replicas, string image = "nginx:1.27", JsonObject? resources = null, JsonObject? strategy = null)
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = image };
        if (resources is not null)
        {
            container["resources"] = resources;
        }

        var spec = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(container) },
            },
        };
        if (strategy is not null)
        {
            spec["strategy"] = strategy;
        }

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["spec"] = spec,
        };
    }

    /// <summary>A pod template with one container labelled <c>app=NAME</c>.</summary>
    public static JsonObject PodTemplate(string name, string image = "nginx:1.27", JsonArray? ports = null)
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = image };
        if (ports is not null)
        {
            container["ports"] = ports;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(container) },
        };
    }

    public async Task<List<JsonObject>> PodsAsync(string labelSelector) =>
        [.. (await Client.ListAsync(Pods, "default", new ListOptions { LabelSelector = labelSelector })).Items];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Member.DisposeAsync();
        _dir.Dispose();
    }
}
