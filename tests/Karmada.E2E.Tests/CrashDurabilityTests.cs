using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>Acknowledged writes survive SIGKILL of the API server on its default SQLite storage.</summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task KillNine_DuringConcurrentWrites_AcknowledgedWritesSurvive()
    {
        using var dataDir = new TempDirectory("karmada-crash");
        var port = FreePort.Next();
        var kubeconfig = Path.Combine(dataDir.Path, "karmada-apiserver.config");
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<Exception>();
        await using (var server = await KarmadaProcess.StartApiServerAsync(dataDir.Path, port))
        {
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var name = $"w{w}-{i}";
                    try
                    {
                        await client.CoreV1.CreateNamespacedConfigMapAsync(
                            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["n"] = name } },
                            "default");
                        acknowledged.Add(name);
                    }
                    catch (Exception ex)
                    {
                        // Writes in flight when the server dies fail; only acknowledged ones must survive.
                        failures.Add(ex);
                        return;
                    }
                }
            })).ToList();

            await Eventually.UntilAsync(() => acknowledged.Count >= 200 || writers.TrueForAll(w => w.IsCompleted), TimeSpan.FromSeconds(120), "enough acknowledged writes before the crash");
            Assert.True(acknowledged.Count >= 200, $"every writer failed before the crash: {failures.FirstOrDefault()}");
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await KarmadaProcess.StartApiServerAsync(dataDir.Path, port);
        using var reader = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        var stored = (await reader.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Select(c => c.Metadata.Name).ToHashSet();
        var lost = acknowledged.Where(name => !stored.Contains(name)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes lost, e.g. {string.Join(", ", lost.Take(5))}");
    }
}
