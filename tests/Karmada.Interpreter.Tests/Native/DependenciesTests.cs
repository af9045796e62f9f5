namespace Karmada.Interpreter.Tests.Native;

public sealed class DependenciesTests
{
    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault();

    [Fact]
    public void GetDependencies_DeploymentTemplate_FindsConfigMapsSecretsAccountsAndClaims()
    {
        var deployment = TestJson.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"ns"},"spec":{"template":{"spec":{
              "serviceAccountName":"runner","imagePullSecrets":[{"name":"pull"}],
              "containers":[{"name":"a","envFrom":[{"configMapRef":{"name":"cm-env"}},{"secretRef":{"name":"s-env"}}],
                             "env":[{"name":"X","valueFrom":{"secretKeyRef":{"name":"s-key","key":"k"}}},{"name":"Y","valueFrom":{"configMapKeyRef":{"name":"cm-key","key":"k"}}}]}],
              "volumes":[{"name":"v1","configMap":{"name":"cm-vol"}},{"name":"v2","secret":{"secretName":"s-vol"}},
                         {"name":"v3","persistentVolumeClaim":{"claimName":"data"}},
                         {"name":"v4","projected":{"sources":[{"configMap":{"name":"cm-proj"}},{"secret":{"name":"s-proj"}}]}},
                         {"name":"v5","csi":{"driver":"x","nodePublishSecretRef":{"name":"s-csi"}}}]}}}}
            """);

        var dependencies = _interpreter.GetDependencies(deployment);

        Assert.Equal(
        [
            "ConfigMap/cm-env", "ConfigMap/cm-key", "ConfigMap/cm-proj", "ConfigMap/cm-vol",
            "Secret/pull", "Secret/s-csi", "Secret/s-env", "Secret/s-key", "Secret/s-proj", "Secret/s-vol",
            "ServiceAccount/runner", "PersistentVolumeClaim/data",
        ], dependencies.Select(d => d.Kind + "/" + d.Name));
        Assert.All(dependencies, d => Assert.Equal(("v1", "ns"), (d.ApiVersion, d.Namespace)));
    }

    [Fact]
    public void GetDependencies_DefaultServiceAccount_IsSkipped()
    {
        var pod = TestJson.Obj("""{"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"ns"},"spec":{"serviceAccountName":"default"}}""");

        Assert.Empty(_interpreter.GetDependencies(pod));
    }

    [Fact]
    public void GetDependencies_CronJobIngressServiceImport_UpstreamShapes()
    {
        var cronJob = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"namespace":"ns"},"spec":{"jobTemplate":{"spec":{"template":{"spec":{"volumes":[{"name":"v","configMap":{"name":"c"}}]}}}}}}""");
        var ingress = TestJson.Obj("""{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"namespace":"ns"},"spec":{"tls":[{"secretName":"tls-a"},{"secretName":"tls-b"}]}}""");
        var import = TestJson.Obj("""{"apiVersion":"multicluster.x-k8s.io/v1alpha1","kind":"ServiceImport","metadata":{"name":"svc","namespace":"ns"}}""");

        Assert.Equal("c", Assert.Single(_interpreter.GetDependencies(cronJob)).Name);
        Assert.Equal(["tls-a", "tls-b"], _interpreter.GetDependencies(ingress).Select(d => d.Name));
        var dependencies = _interpreter.GetDependencies(import);
        Assert.Equal(("Service", "derived-svc"), (dependencies[0].Kind, dependencies[0].Name));
        Assert.Equal(("discovery.k8s.io/v1", "EndpointSlice", "derived-svc"), (dependencies[1].ApiVersion, dependencies[1].Kind, dependencies[1].LabelSelector!.MatchLabels["kubernetes.io/service-name"]));
    }
}
