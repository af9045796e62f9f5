using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Profiles;
using Karmada.Testing;

namespace Karmada.Member.Tests;

/// <summary>CronJobs on a member whose clock runs <see cref="AcceleratedClock.Speed"/> times faster than real time.</summary>
public sealed class CronJobSimulationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryMinute_CreatesJobsPerScheduledTime_TracksSuccessAndTrimsHistory()
    {
        await using var clock = new AcceleratedClock();
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { JobPodRunMilliseconds = 5000 }, timeProvider: clock.Time);
        await using var recorder = await JobNameRecorder.StartAsync(fixture);
        var cronJob = CronJob("tick", "*/1 * * * *");
        cronJob["spec"]!["successfulJobsHistoryLimit"] = 2;
        await fixture.Client.CreateAsync(MemberFixture.CronJobs, cronJob);

        await Eventually.UntilAsync(() => recorder.Names.Count >= 4, Deadline, "four scheduled jobs created");
        Assert.All(recorder.Names, name => Assert.Matches("^tick-[0-9]+$", name));
        var minutes = recorder.Names.Select(n => long.Parse(n["tick-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(minutes.Count, minutes.Distinct().Count());

        JsonObject? current = null;
        await Eventually.UntilAsync(
            async () =>
            {
                current = await fixture.Client.GetAsync(MemberFixture.CronJobs, "default", "tick");
                var jobs = (await fixture.Client.ListAsync(MemberFixture.Jobs, "default")).Items;
                var complete = jobs.Count(j => j["status"]?["conditions"] is JsonArray c && c.Any(x => (string?)x!["type"] == "Complete" && (string?)x["status"] == "True"));
                return current["status"]?["lastSuccessfulTime"] is not null && current["status"]?["lastScheduleTime"] is not null && complete == 2;
            },
            Deadline,
            "history trimmed to two successful jobs");
        var job = (await fixture.Client.ListAsync(MemberFixture.Jobs, "default")).Items[0];
        Assert.Equal("CronJob", (string?)job["metadata"]!["ownerReferences"]![0]!["kind"]);
        Assert.NotNull(job["metadata"]!["annotations"]!["batch.kubernetes.io/cronjob-scheduled-timestamp"]);
    }

    [Fact]
    public async Task Forbid_KeepsOneJob_Replace_SwapsIt_Suspend_CreatesNone()
    {
        await using var clock = new AcceleratedClock();
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { JobPodRunMilliseconds = 3_600_000 }, timeProvider: clock.Time);
        await using var recorder = await JobNameRecorder.StartAsync(fixture);
        var forbid = CronJob("forbid", "* * * * *");
        forbid["spec"]!["concurrencyPolicy"] = "Forbid";
        var replace = CronJob("replace", "* * * * *");
        replace["spec"]!["concurrencyPolicy"] = "Replace";
        var suspended = CronJob("paused", "* * * * *");
        suspended["spec"]!["suspend"] = true;
        await fixture.Client.CreateAsync(MemberFixture.CronJobs, forbid);
        await fixture.Client.CreateAsync(MemberFixture.CronJobs, replace);
        await fixture.Client.CreateAsync(MemberFixture.CronJobs, suspended);

        await Eventually.UntilAsync(() => recorder.Names.Count(n => n.StartsWith("replace-", StringComparison.Ordinal)) >= 3, Deadline, "replace ran three times");
        var jobs = (await fixture.Client.ListAsync(MemberFixture.Jobs, "default")).Items.Select(j => (string)j["metadata"]!["name"]!).ToList();
        Assert.Single(recorder.Names, n => n.StartsWith("forbid-", StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Names, n => n.StartsWith("paused-", StringComparison.Ordinal));
        await Eventually.UntilAsync(
            async () => (await fixture.Client.ListAsync(MemberFixture.Jobs, "default")).Items.Count(j => ((string)j["metadata"]!["name"]!).StartsWith("replace-", StringComparison.Ordinal)) == 1,
            Deadline,
            $"replaced jobs deleted: {string.Join(',', jobs)}");
        var status = (await fixture.Client.GetAsync(MemberFixture.CronJobs, "default", "forbid"))["status"]!;
        Assert.Single(status["active"]!.AsArray());
    }

    private static JsonObject CronJob(string name, string schedule) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "CronJob",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["schedule"] = schedule,
            ["jobTemplate"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["template"] = new JsonObject
                    {
                        ["spec"] = new JsonObject
                        {
                            ["restartPolicy"] = "OnFailure",
                            ["containers"] = new JsonArray(new JsonObject { ["name"] = "work", ["image"] = "busybox" }),
                        },
                    },
                },
            },
        },
    };

    /// <summary>Names of every Job ever created, from a watch.</summary>
    private sealed class JobNameRecorder : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Lock _gate = new();
        private readonly List<string> _names = [];
        private readonly Task _watch;

        private JobNameRecorder(MemberFixture fixture, string? resourceVersion)
        {
            _watch = Task.Run(async () =>
            {
                try
                {
                    await foreach (var e in fixture.Client.WatchAsync(MemberFixture.Jobs, "default", new WatchOptions { ResourceVersion = resourceVersion }, _stop.Token))
                    {
                        if (e.Type == WatchEventType.Added)
                        {
                            lock (_gate)
                            {
                                _names.Add((string)e.Object["metadata"]!["name"]!);
                            }
                        }
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                }
            });
        }

        public IReadOnlyList<string> Names
        {
            get
            {
                lock (_gate)
                {
                    return [.. _names];
                }
            }
        }

        public static async Task<JobNameRecorder> StartAsync(MemberFixture fixture) =>
            new(fixture, (await fixture.Client.ListAsync(MemberFixture.Jobs, "default")).ResourceVersion);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // The watch task was started by this instance.
            await _watch;
#pragma warning restore VSTHRD003
            _stop.Dispose();
        }
    }
}
