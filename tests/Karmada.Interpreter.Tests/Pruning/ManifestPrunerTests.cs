using Karmada.Interpreter.Pruning;

namespace Karmada.Interpreter.Tests.Pruning;

public sealed class ManifestPrunerTests
{
    [Fact]
    public void Prune_ServerFields_Removed()
    {
        var obj = TestJson.Obj("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n","uid":"u","resourceVersion":"1","generation":2,
             "creationTimestamp":"2024-01-01T00:00:00Z","managedFields":[],"ownerReferences":[],"finalizers":["f"],"selfLink":"/x","labels":{"a":"b"}},
             "data":{"k":"v"},"status":{}}
            """);

        TestJson.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n","labels":{"a":"b"}},"data":{"k":"v"}}""", ManifestPruner.Prune(obj));
    }

    [Fact]
    public void Prune_Job_RemovesGeneratedSelectorAndTtl()
    {
        var job = TestJson.Obj("""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"ttlSecondsAfterFinished":10,
             "selector":{"matchLabels":{"controller-uid":"u","batch.kubernetes.io/controller-uid":"u"}},
             "template":{"metadata":{"labels":{"controller-uid":"u","job-name":"j","batch.kubernetes.io/job-name":"j","app":"x"}}}}}
            """);

        TestJson.Equal("""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"selector":{"matchLabels":{}},"template":{"metadata":{"labels":{"app":"x"}}}}}""", ManifestPruner.Prune(job));
    }

    [Fact]
    public void Prune_JobWithManualSelector_KeepsSelector()
    {
        var job = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"manualSelector":true,"selector":{"matchLabels":{"controller-uid":"u"}}}}""");

        Assert.Equal("u", (string?)ManifestPruner.Prune(job, removeJobTtl: false)["spec"]!["selector"]!["matchLabels"]!["controller-uid"]);
    }

    [Fact]
    public void Prune_Service_RemovesClusterIpUnlessHeadless()
    {
        var service = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"clusterIP":"10.0.0.1","clusterIPs":["10.0.0.1"],"ports":[]}}""");
        var headless = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"clusterIP":"None"}}""");

        TestJson.Equal("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[]}}""", ManifestPruner.Prune(service));
        Assert.Equal("None", (string?)ManifestPruner.Prune(headless)["spec"]!["clusterIP"]);
    }

    [Fact]
    public void Prune_KindSpecificAnnotationsAndData_Removed()
    {
        var deployment = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"deployment.kubernetes.io/revision":"3","keep":"y"}}}""");
        var pvc = TestJson.Obj("""{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"annotations":{"volume.kubernetes.io/selected-node":"n1"}}}""");
        var secret = TestJson.Obj("""{"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/service-account-token","metadata":{"annotations":{"kubernetes.io/service-account.uid":"u"}},"data":{"token":"x"}}""");

        TestJson.Equal("""{"keep":"y"}""", ManifestPruner.Prune(deployment)["metadata"]!["annotations"]);
        TestJson.Equal("{}", ManifestPruner.Prune(pvc)["metadata"]!["annotations"]);
        TestJson.Equal("""{"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/service-account-token","metadata":{"annotations":{}},"data":null}""", ManifestPruner.Prune(secret));
    }

    [Fact]
    public void Prune_ServiceAccount_DropsTokenSecretsLikeUpstream()
    {
        var account = TestJson.Obj("""{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"sa"},"secrets":[{"name":"sa-token-a"},{"name":"keep"},{"name":"sa-token-b"},{"name":"sa-token-c"}]}""");

        TestJson.Equal("""[{"name":"keep"},{"name":"sa-token-c"}]""", ManifestPruner.Prune(account)["secrets"]);
    }
}
