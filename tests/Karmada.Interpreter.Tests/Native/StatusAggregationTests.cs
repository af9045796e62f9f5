namespace Karmada.Interpreter.Tests.Native;

public sealed class StatusAggregationTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault(new FixedTimeProvider(Now));

    [Fact]
    public void AggregateStatus_DeploymentAllMembersCurrent_SumsAndSetsObservedGeneration()
    {
        var deployment = Deployment(generation: 3, observed: 2);

        var result = _interpreter.AggregateStatus(deployment,
        [
            TestJson.Item("m1", """{"generation":5,"observedGeneration":5,"resourceTemplateGeneration":3,"replicas":2,"readyReplicas":2,"updatedReplicas":2,"availableReplicas":2}"""),
            TestJson.Item("m2", """{"generation":1,"observedGeneration":1,"resourceTemplateGeneration":3,"replicas":1,"readyReplicas":0,"updatedReplicas":1,"unavailableReplicas":1}"""),
        ]);

        TestJson.Equal("""{"observedGeneration":3,"replicas":3,"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2,"unavailableReplicas":1}""", result["status"]);
    }

    [Theory]
    [InlineData("""{"generation":5,"observedGeneration":4,"resourceTemplateGeneration":3,"replicas":1}""")]
    [InlineData("""{"generation":5,"observedGeneration":5,"resourceTemplateGeneration":2,"replicas":1}""")]
    public void AggregateStatus_DeploymentMemberBehind_KeepsOldObservedGeneration(string member)
    {
        var result = _interpreter.AggregateStatus(Deployment(generation: 3, observed: 2), [TestJson.Item("m1", member)]);

        TestJson.Equal("""{"observedGeneration":2,"replicas":1}""", result["status"]);
    }

    [Fact]
    public void AggregateStatus_DeploymentMemberWithoutStatus_KeepsOldObservedGeneration()
    {
        var result = _interpreter.AggregateStatus(Deployment(generation: 3, observed: 2),
        [
            TestJson.Item("m1", """{"generation":1,"observedGeneration":1,"resourceTemplateGeneration":3,"replicas":1}"""),
            TestJson.Item("m2", null),
        ]);

        Assert.Equal(2, (int)result["status"]!["observedGeneration"]!);
    }

    [Fact]
    public void AggregateStatus_StatefulSetAndDaemonSet_WriteNonOmittedCounters()
    {
        var statefulSet = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"generation":1}}""");
        var daemonSet = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"generation":1}}""");

        var sts = _interpreter.AggregateStatus(statefulSet, [TestJson.Item("m1", """{"generation":1,"observedGeneration":1,"resourceTemplateGeneration":1,"replicas":0,"readyReplicas":0}""")]);
        var ds = _interpreter.AggregateStatus(daemonSet, [TestJson.Item("m1", """{"generation":1,"observedGeneration":1,"resourceTemplateGeneration":1,"desiredNumberScheduled":2,"numberReady":2}""")]);

        TestJson.Equal("""{"observedGeneration":1,"replicas":0,"availableReplicas":0}""", sts["status"]);
        TestJson.Equal("""{"observedGeneration":1,"currentNumberScheduled":0,"desiredNumberScheduled":2,"numberMisscheduled":0,"numberReady":2}""", ds["status"]);
    }

    [Fact]
    public void AggregateStatus_JobAllComplete_CompleteWithTimes()
    {
        var job = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"}}""");

        var result = _interpreter.AggregateStatus(job,
        [
            TestJson.Item("m1", """{"succeeded":1,"startTime":"2024-01-01T00:00:05Z","completionTime":"2024-01-01T00:01:00Z","conditions":[{"type":"Complete","status":"True"},{"type":"SuccessCriteriaMet","status":"True"}]}"""),
            TestJson.Item("m2", """{"succeeded":2,"startTime":"2024-01-01T00:00:01Z","completionTime":"2024-01-01T00:02:00Z","conditions":[{"type":"Complete","status":"True"}]}"""),
        ]);

        TestJson.Equal("""
            {"conditions":[{"type":"Complete","status":"True","lastProbeTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-05-01T12:00:00Z","reason":"Completed","message":"Job completed"}],
             "startTime":"2024-01-01T00:00:01Z","completionTime":"2024-01-01T00:02:00Z","succeeded":3}
            """, result["status"]);
    }

    [Fact]
    public void AggregateStatus_JobOneFailed_FailureTargetThenFailed()
    {
        var job = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"}}""");

        var result = _interpreter.AggregateStatus(job,
        [
            TestJson.Item("m1", """{"active":1,"startTime":"2024-01-01T00:00:00Z"}"""),
            TestJson.Item("m2", """{"failed":2,"conditions":[{"type":"FailureTarget","status":"True"},{"type":"Failed","status":"True"}]}"""),
        ]);

        var conditions = result["status"]!["conditions"]!.AsArray();
        Assert.Equal(["FailureTarget", "Failed"], conditions.Select(c => (string?)c!["type"]));
        Assert.Equal("Job executed failed in member clusters m2", (string?)conditions[1]!["message"]);
        Assert.Null(result["status"]!["startTime"]);
        Assert.Equal(1, (int)result["status"]!["active"]!);
    }

    [Fact]
    public void AggregateStatus_JobAlreadyFinished_NeverUpdated()
    {
        var job = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","status":{"conditions":[{"type":"Complete","status":"True"}],"succeeded":1}}""");

        var result = _interpreter.AggregateStatus(job, [TestJson.Item("m1", """{"failed":5}""")]);

        TestJson.Equal("""{"conditions":[{"type":"Complete","status":"True"}],"succeeded":1}""", result["status"]);
    }

    [Fact]
    public void AggregateStatus_LoadBalancerService_TagsEntriesWithCluster()
    {
        var service = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer"}}""");

        var result = _interpreter.AggregateStatus(service,
        [
            TestJson.Item("m1", """{"loadBalancer":{"ingress":[{"ip":"1.1.1.1"}]}}"""),
            TestJson.Item("m2", """{"loadBalancer":{"ingress":[{"ip":"2.2.2.2","hostname":"lb.example"}]}}"""),
        ]);

        TestJson.Equal("""{"loadBalancer":{"ingress":[{"ip":"1.1.1.1","hostname":"m1"},{"ip":"2.2.2.2","hostname":"lb.example"}]}}""", result["status"]);
    }

    [Fact]
    public void AggregateStatus_ClusterIpService_Unchanged()
    {
        var service = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","spec":{"type":"ClusterIP"}}""");

        Assert.Null(_interpreter.AggregateStatus(service, [TestJson.Item("m1", """{"loadBalancer":{"ingress":[{"ip":"1.1.1.1"}]}}""")])["status"]);
    }

    [Fact]
    public void AggregateStatus_Pod_PhasePrecedenceAndContainerStates()
    {
        var pod = TestJson.Obj("""{"apiVersion":"v1","kind":"Pod"}""");

        var result = _interpreter.AggregateStatus(pod,
        [
            TestJson.Item("m1", """{"phase":"Running","containerStatuses":[{"name":"a","ready":true,"image":"x","state":{"running":{}}}]}"""),
            TestJson.Item("m2", null),
        ]);

        TestJson.Equal("""
            {"phase":"Pending","containerStatuses":[{"name":"","state":{"running":{}},"lastState":{},"ready":true,"restartCount":0,"image":"","imageID":""}]}
            """, result["status"]);
    }

    [Fact]
    public void AggregateStatus_VolumesPdbHpaCronJob_UpstreamRules()
    {
        var pv = _interpreter.AggregateStatus(TestJson.Obj("""{"apiVersion":"v1","kind":"PersistentVolume"}"""),
            [TestJson.Item("m1", """{"phase":"Bound"}"""), TestJson.Item("m2", """{"phase":"Available"}""")]);
        var pvc = _interpreter.AggregateStatus(TestJson.Obj("""{"apiVersion":"v1","kind":"PersistentVolumeClaim"}"""),
            [TestJson.Item("m1", """{"phase":"Pending"}"""), TestJson.Item("m2", """{"phase":"Bound"}""")]);
        var pdb = _interpreter.AggregateStatus(TestJson.Obj("""{"apiVersion":"policy/v1","kind":"PodDisruptionBudget"}"""),
            [TestJson.Item("m1", """{"currentHealthy":2,"desiredHealthy":1,"expectedPods":2,"disruptionsAllowed":1,"disruptedPods":{"p":"2024-01-01T00:00:00Z"}}""")]);
        var hpa = _interpreter.AggregateStatus(TestJson.Obj("""{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","status":{"conditions":[]}}"""),
            [TestJson.Item("m1", """{"currentReplicas":2,"desiredReplicas":3}"""), TestJson.Item("m2", """{"currentReplicas":1,"desiredReplicas":1}""")]);
        var cronJob = _interpreter.AggregateStatus(TestJson.Obj("""{"apiVersion":"batch/v1","kind":"CronJob"}"""),
        [
            TestJson.Item("m1", """{"active":[{"name":"j1"}],"lastScheduleTime":"2024-01-01T00:00:00Z"}"""),
            TestJson.Item("m2", """{"active":[{"name":"j2"}],"lastScheduleTime":"2024-01-02T00:00:00Z","lastSuccessfulTime":"2024-01-01T00:00:00Z"}"""),
        ]);

        TestJson.Equal("""{"phase":"Available"}""", pv["status"]);
        TestJson.Equal("""{"phase":"Pending"}""", pvc["status"]);
        TestJson.Equal("""{"disruptedPods":{"m1/p":"2024-01-01T00:00:00Z"},"disruptionsAllowed":1,"currentHealthy":2,"desiredHealthy":1,"expectedPods":2}""", pdb["status"]);
        TestJson.Equal("""{"conditions":[],"currentReplicas":3,"desiredReplicas":4}""", hpa["status"]);
        TestJson.Equal("""{"active":[{"name":"j1"},{"name":"j2"}],"lastScheduleTime":"2024-01-02T00:00:00Z","lastSuccessfulTime":"2024-01-01T00:00:00Z"}""", cronJob["status"]);
    }

    private static System.Text.Json.Nodes.JsonObject Deployment(long generation, long observed) =>
        TestJson.Obj($$$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","generation":{{{generation}}}},"status":{"observedGeneration":{{{observed}}}}}""");
}
