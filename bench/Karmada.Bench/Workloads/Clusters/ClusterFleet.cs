using System.Diagnostics;
using System.Globalization;
using k8s;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Bench.Measurement;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Host.Up;
using Karmada.Member;
using Karmada.Member.Profiles;
using Karmada.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>
/// A control plane (API server, then on demand the controller manager and scheduler as <c>karmada up</c> hosts them)
/// and many lightweight simulated members (few nodes each) in this process, joined in Push mode the way
/// <c>karmadactl join</c> does it. Shared by the <c>clusters</c> and <c>fanout</c> workloads.
/// </summary>
public sealed class ClusterFleet : IAsyncDisposable
{
    private const int StartConcurrency = 8;
    private const int JoinAttempts = 3;

    private readonly ApiServerInstance _server;
    private IHost? _components;

    private ClusterFleet(ApiServerInstance server, KubeApiClient controlPlane, IReadOnlyList<MemberCluster> members, ClusterStatusWatcher clusters)
    {
        _server = server;
        ControlPlane = controlPlane;
        Members = members;
        Clusters = clusters;
    }

    public KubeApiClient ControlPlane { get; }

    public IReadOnlyList<MemberCluster> Members { get; }

    public ClusterStatusWatcher Clusters { get; }

    /// <summary>The parts of join → Ready of the last <see cref="JoinAllAsync"/>.</summary>
    public JoinBreakdown LastJoinBreakdown { get; private set; } = JoinBreakdown.Empty;

    public static async Task<ClusterFleet> StartAsync(string dataDirectory, int members, int nodesPerMember, StorageBackend backend, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var server = await ApiServerApplication.StartAsync(
            new ApiServerOptions
            {
                DataDirectory = Path.Combine(dataDirectory, "control-plane"),
                SecurePort = 0,
                BindAddress = "127.0.0.1",
                Storage = new StorageOptions { Backend = backend },
                ExtraNamespaces = ControlPlaneServices.SystemNamespaces,
                ExtraResources = KarmadaResourceDefinitions.All,
            },
            NullLoggerFactory.Instance,
            ControlPlaneServices.Add,
            cancellationToken);
        var started = new List<MemberCluster>();
        KubeApiClient? controlPlane = null;
        try
        {
            controlPlane = await KubeApiClient.FromKubeconfigAsync(server.KubeconfigPath, options: new KubeApiClientOptions { Qps = 0, UserAgent = "karmada-bench" });
            var clock = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(StartConcurrency);
            var all = await Task.WhenAll(Enumerable.Range(1, members).Select(async i =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var member = await MemberCluster.StartAsync(
                        new MemberOptions
                        {
                            Name = MemberName(i),
                            DataDirectory = Path.Combine(dataDirectory, "members"),
                            Profile = new MemberProfile { Nodes = nodesPerMember },
                        },
                        NullLoggerFactory.Instance,
                        cancellationToken);
                    lock (started)
                    {
                        started.Add(member);
                        if (started.Count % 100 == 0)
                        {
                            progress($"{started.Count} members started ({clock.Elapsed.TotalSeconds:F0}s)");
                        }
                    }

                    return member;
                }
                finally
                {
                    gate.Release();
                }
            }));
            var watcher = await ClusterStatusWatcher.StartAsync(controlPlane, cancellationToken);
            return new ClusterFleet(server, controlPlane, all, watcher);
        }
        catch
        {
            controlPlane?.Dispose();
            await Task.WhenAll(started.Select(m => m.DisposeAsync().AsTask()));
            await server.DisposeAsync();
            throw;
        }
    }

    public static string MemberName(int index) => string.Create(CultureInfo.InvariantCulture, $"member{index}");

    /// <summary>Starts the controller manager and the scheduler in process, over the loopback transport as <c>karmada up</c> does.</summary>
    /// <remarks>Set <c>KARMADA_BENCH_LOG=Information</c> (or another level) to see their logs on standard error.</remarks>
    public async Task StartComponentsAsync(CancellationToken cancellationToken)
    {
        var loggerFactory = Environment.GetEnvironmentVariable("KARMADA_BENCH_LOG") is { Length: > 0 } level && Enum.TryParse<LogLevel>(level, out var minimum)
            ? LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(minimum))
            : NullLoggerFactory.Instance;
        _components = await ControlPlaneComponents.StartAsync(_server, loggerFactory, cancellationToken);
    }

    /// <summary>
    /// Joins every member, open loop at <paramref name="perSecond"/> joins per second, and waits until all Clusters are
    /// Ready (or <paramref name="timeout"/>); returns the join-start → Ready latencies and how many made it.
    /// </summary>
    public async Task<(int Ready, LatencySummary Latency, TimeSpan Elapsed)> JoinAllAsync(double perSecond, TimeSpan timeout, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var starts = new long[Members.Count];
        var joined = new long[Members.Count];
        var begin = Stopwatch.GetTimestamp();
        var joins = new List<Task>(Members.Count);
        for (var i = 0; i < Members.Count; i++)
        {
            var due = begin + (long)(i * Stopwatch.Frequency / perSecond);
            var delay = due - Stopwatch.GetTimestamp();
            if (delay > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)delay / Stopwatch.Frequency), cancellationToken);
            }

            var member = Members[i];
            var index = i;
            joins.Add(Task.Run(async () =>
            {
                starts[index] = Stopwatch.GetTimestamp();
                await JoinWithRetryAsync(member, cancellationToken);
                joined[index] = Stopwatch.GetTimestamp();
            }, cancellationToken));
        }

        await Task.WhenAll(joins);
        progress($"{Members.Count} joins sent in {Stopwatch.GetElapsedTime(begin).TotalSeconds:F1}s; waiting for Ready");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && Members.Any(m => !Clusters.TryGetFirstReady(m.Name, out _)))
        {
            await Task.Delay(100, cancellationToken);
        }

        var ticks = new long[Members.Count];
        var created = new long[Members.Count];
        var toReady = new long[Members.Count];
        var requests = new long[Members.Count];
        var n = 0;
        var m = 0;
        long last = begin;
        for (var i = 0; i < Members.Count; i++)
        {
            requests[i] = joined[i] - starts[i];
            if (Clusters.TryGetFirstReady(Members[i].Name, out var at))
            {
                ticks[n++] = at - starts[i];
                last = Math.Max(last, at);
                if (Clusters.TryGetFirstSeen(Members[i].Name, out var seen))
                {
                    created[m] = seen - starts[i];
                    toReady[m++] = at - seen;
                }
            }
        }

        LastJoinBreakdown = new JoinBreakdown(
            LatencySummary.FromTicks(requests, requests.Length),
            LatencySummary.FromTicks(created, m),
            LatencySummary.FromTicks(toReady, m));

        return (n, LatencySummary.FromTicks(ticks, n), Stopwatch.GetElapsedTime(begin, last));
    }

    // An overloaded member can drop a connection mid-join, or not accept one within the connect timeout (surfacing as
    // a TaskCanceledException; a 1,000-member fleet on two cores): run the join again, as a user would; a retry that
    // finds the Cluster created by the failed attempt counts as joined.
    private async Task JoinWithRetryAsync(MemberCluster member, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(member.KubeconfigPath));
            using var memberClient = new KubeApiClient(configuration, new KubeApiClientOptions { UserAgent = "karmada-bench-join" });
            try
            {
                await ClusterJoiner.JoinAsync(ControlPlane, member.Name, configuration, memberClient, cancellationToken);
                return;
            }
            catch (CliException) when (attempt > 1)
            {
                return;
            }
            catch (Exception ex) when (attempt < JoinAttempts && !cancellationToken.IsCancellationRequested
                && ex is HttpRequestException or IOException or TimeoutException or ApiException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"[clusters] join of {member.Name} failed ({ex.Message}); retrying");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_components is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _components.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }

            _components.Dispose();
        }

        await Clusters.DisposeAsync();
        ControlPlane.Dispose();
        await Task.WhenAll(Members.Select(m => m.DisposeAsync().AsTask()));
        await _server.DisposeAsync();
    }
}
