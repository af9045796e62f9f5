using Karmada.Protobuf.Schema;

namespace Karmada.Protobuf.Tests.Schema;

public sealed class KubernetesSchemaTests
{
    [Theory]
    [InlineData("v1", "Namespace", "k8s.io.api.core.v1.Namespace")]
    [InlineData("v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap")]
    [InlineData("v1", "Secret", "k8s.io.api.core.v1.Secret")]
    [InlineData("v1", "ServiceAccount", "k8s.io.api.core.v1.ServiceAccount")]
    [InlineData("v1", "Service", "k8s.io.api.core.v1.Service")]
    [InlineData("v1", "ResourceQuota", "k8s.io.api.core.v1.ResourceQuota")]
    [InlineData("v1", "Pod", "k8s.io.api.core.v1.Pod")]
    [InlineData("apps/v1", "Deployment", "k8s.io.api.apps.v1.Deployment")]
    [InlineData("batch/v1", "Job", "k8s.io.api.batch.v1.Job")]
    [InlineData("batch/v1", "CronJob", "k8s.io.api.batch.v1.CronJob")]
    [InlineData("rbac.authorization.k8s.io/v1", "Role", "k8s.io.api.rbac.v1.Role")]
    [InlineData("rbac.authorization.k8s.io/v1", "RoleBinding", "k8s.io.api.rbac.v1.RoleBinding")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "k8s.io.api.rbac.v1.ClusterRole")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "k8s.io.api.rbac.v1.ClusterRoleBinding")]
    [InlineData("scheduling.k8s.io/v1", "PriorityClass", "k8s.io.api.scheduling.v1.PriorityClass")]
    [InlineData("policy/v1", "PodDisruptionBudget", "k8s.io.api.policy.v1.PodDisruptionBudget")]
    [InlineData("policy/v1", "Eviction", "k8s.io.api.policy.v1.Eviction")]
    [InlineData("networking.k8s.io/v1", "Ingress", "k8s.io.api.networking.v1.Ingress")]
    [InlineData("authorization.k8s.io/v1", "SelfSubjectAccessReview", "k8s.io.api.authorization.v1.SelfSubjectAccessReview")]
    [InlineData("authentication.k8s.io/v1", "TokenRequest", "k8s.io.api.authentication.v1.TokenRequest")]
    [InlineData("authentication.k8s.io/v1", "SelfSubjectReview", "k8s.io.api.authentication.v1.SelfSubjectReview")]
    [InlineData("coordination.k8s.io/v1", "Lease", "k8s.io.api.coordination.v1.Lease")]
    [InlineData("autoscaling/v1", "Scale", "k8s.io.api.autoscaling.v1.Scale")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler", "k8s.io.api.autoscaling.v2.HorizontalPodAutoscaler")]
    [InlineData("discovery.k8s.io/v1", "EndpointSlice", "k8s.io.api.discovery.v1.EndpointSlice")]
    [InlineData("certificates.k8s.io/v1", "CertificateSigningRequest", "k8s.io.api.certificates.v1.CertificateSigningRequest")]
    [InlineData("meta.k8s.io/v1", "Status", "k8s.io.apimachinery.pkg.apis.meta.v1.Status")]
    [InlineData("batch/v1", "DeleteOptions", "k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions")]
    public void TryGetKind_BuiltInKind_ResolvesRootMessage(string apiVersion, string kind, string expected)
    {
        Assert.True(KubernetesSchema.Default.TryGetKind(apiVersion, kind, out var message));

        Assert.Equal(expected, message.FullName);
        Assert.True(message.IsRoot);
    }

    [Theory]
    [InlineData("v1", "PodSpec")]
    [InlineData("apps/v1", "Namespace")]
    [InlineData("karmada.io/v1alpha1", "PropagationPolicy")]
    [InlineData("v1/extra", "Namespace")]
    [InlineData("v1", "core.v1.Namespace")]
    public void TryGetKind_NotAKind_ReturnsFalse(string apiVersion, string kind)
    {
        Assert.False(KubernetesSchema.Default.TryGetKind(apiVersion, kind, out _));
    }

    [Fact]
    public void Default_EmbeddedSchema_ResolvesEveryFieldType()
    {
        var schema = KubernetesSchema.Default;

        Assert.True(schema.MessageCount > 1000);
        Assert.True(schema.TryGetMessage("k8s.io.api.core.v1.Volume", out var volume));
        var inline = Assert.Single(volume.Fields, field => field.JsonName is null);
        Assert.Equal("k8s.io.api.core.v1.VolumeSource", inline.Message!.FullName);
    }

    [Fact]
    public void Parse_UnknownFieldType_Throws()
    {
        using var reader = new StringReader("M\tx.Y\troot\nF\tz\t1\tv\tx.Missing\t-\n");

        Assert.Throws<InvalidDataException>(() => KubernetesSchema.Parse(reader));
    }
}
