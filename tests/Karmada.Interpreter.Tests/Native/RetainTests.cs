namespace Karmada.Interpreter.Tests.Native;

public sealed class RetainTests
{
    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault();

    [Fact]
    public void Retain_DeploymentWithRetainReplicasLabel_KeepsMemberReplicas()
    {
        var desired = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"resourcetemplate.karmada.io/retain-replicas":"true"}},"spec":{"replicas":2}}""");
        var observed = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":9}}""");

        Assert.Equal(9, (int)_interpreter.Retain(desired, observed)["spec"]!["replicas"]!);
    }

    [Fact]
    public void Retain_DeploymentWithoutLabel_KeepsDesired()
    {
        var desired = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":2}}""");

        Assert.Equal(2, (int)_interpreter.Retain(desired, TestJson.Obj("""{"spec":{"replicas":9}}"""))["spec"]!["replicas"]!);
    }

    [Fact]
    public void Retain_Pod_KeepsSchedulingAndVolumeMounts()
    {
        var desired = TestJson.Obj("""{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","image":"new"}]}}""");
        var observed = TestJson.Obj("""
            {"apiVersion":"v1","kind":"Pod","spec":{"nodeName":"node-1","serviceAccountName":"sa","volumes":[{"name":"token"}],
             "containers":[{"name":"a","image":"old","volumeMounts":[{"name":"token","mountPath":"/var"}]}]}}
            """);

        TestJson.Equal("""
            {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","image":"new","volumeMounts":[{"name":"token","mountPath":"/var"}]}],
             "nodeName":"node-1","serviceAccountName":"sa","volumes":[{"name":"token"}]}}
            """, _interpreter.Retain(desired, observed));
    }

    [Fact]
    public void Retain_Service_KeepsAllocatedAddresses()
    {
        var desired = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer"}}""");
        var observed = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","spec":{"clusterIP":"10.0.0.1","clusterIPs":["10.0.0.1"],"healthCheckNodePort":31000}}""");

        TestJson.Equal("""{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer","healthCheckNodePort":31000,"clusterIP":"10.0.0.1","clusterIPs":["10.0.0.1"]}}""", _interpreter.Retain(desired, observed));
    }

    [Fact]
    public void Retain_ServiceAccount_MergesSecretsByName()
    {
        var desired = TestJson.Obj("""{"apiVersion":"v1","kind":"ServiceAccount","secrets":[{"name":"a"}]}""");
        var observed = TestJson.Obj("""{"apiVersion":"v1","kind":"ServiceAccount","secrets":[{"name":"a"},{"name":"sa-token-x"}]}""");

        TestJson.Equal("""[{"name":"a"},{"name":"sa-token-x"}]""", _interpreter.Retain(desired, observed)["secrets"]);
    }

    [Fact]
    public void Retain_VolumesAndJob_KeepMemberAllocatedFields()
    {
        var pvc = _interpreter.Retain(TestJson.Obj("""{"apiVersion":"v1","kind":"PersistentVolumeClaim","spec":{}}"""), TestJson.Obj("""{"spec":{"volumeName":"pv-1"}}"""));
        var pv = _interpreter.Retain(TestJson.Obj("""{"apiVersion":"v1","kind":"PersistentVolume","spec":{}}"""), TestJson.Obj("""{"spec":{"claimRef":{"name":"c"}}}"""));
        var job = _interpreter.Retain(
            TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","spec":{"template":{"metadata":{"labels":{"app":"x"}}}}}"""),
            TestJson.Obj("""{"spec":{"selector":{"matchLabels":{"controller-uid":"u"}},"template":{"metadata":{"labels":{"controller-uid":"u","app":"x"}}}}}"""));

        Assert.Equal("pv-1", (string?)pvc["spec"]!["volumeName"]);
        TestJson.Equal("""{"name":"c"}""", pv["spec"]!["claimRef"]);
        TestJson.Equal("""{"matchLabels":{"controller-uid":"u"}}""", job["spec"]!["selector"]);
        TestJson.Equal("""{"controller-uid":"u","app":"x"}""", job["spec"]!["template"]!["metadata"]!["labels"]);
    }

    [Fact]
    public void Retain_ServiceAccountTokenSecret_KeepsDataAndUid()
    {
        var desired = TestJson.Obj("""{"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/service-account-token","metadata":{"annotations":{"kubernetes.io/service-account.name":"sa"}}}""");
        var observed = TestJson.Obj("""{"metadata":{"annotations":{"kubernetes.io/service-account.uid":"u1"}},"data":{"token":"dA=="}}""");

        var retained = _interpreter.Retain(desired, observed);

        Assert.Equal("u1", (string?)retained["metadata"]!["annotations"]!["kubernetes.io/service-account.uid"]);
        TestJson.Equal("""{"token":"dA=="}""", retained["data"]);
    }
}
